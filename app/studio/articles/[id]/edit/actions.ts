"use server";
// Article settings (citation style, audience): a thin wrapper over lib/articles/update-article-settings (the
// action wrapper expires the live page when the result's readerChange says it was re-formatted).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { articleSettingsSchema, updateArticleSettings } from "@/lib/articles/update-article-settings";

export const articleSettingsAction = action(
  { name: "articleSettings", permission: "studio.access", schema: articleSettingsSchema },
  async (input, actor) => {
    const { readerChange, ...settings } = await updateArticleSettings(db, actor, input);
    revalidatePath(`/studio/articles/${input.articleId}/edit`);
    revalidatePath(`/studio/articles/${input.articleId}/preview`);
    return { ...settings, readerChange };
  },
);
