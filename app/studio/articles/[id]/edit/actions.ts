"use server";
// Article settings (citation style, audience): a thin wrapper over lib/articles/update-article-settings.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { articleSettingsSchema, updateArticleSettings } from "@/lib/articles/update-article-settings";
import { refreshArticlePages } from "@/app/_server/after-commit";

export const articleSettingsAction = action(
  { name: "articleSettings", permission: "studio.access", schema: articleSettingsSchema },
  async (input, actor) => {
    const result = await updateArticleSettings(db, actor, input);
    if (result.liveReformatted) {
      const live = await db.article.findUnique({ where: { id: input.articleId }, select: { liveRevisionId: true } });
      await refreshArticlePages(input.articleId, [live?.liveRevisionId]);
    }
    revalidatePath(`/studio/articles/${input.articleId}/edit`);
    revalidatePath(`/studio/articles/${input.articleId}/preview`);
    return result;
  },
);
