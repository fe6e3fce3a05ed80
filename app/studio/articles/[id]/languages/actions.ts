"use server";
// The Languages tab's actions: start a translation, tick a block done, bring a translation up to date with its
// source. Thin: session → schema → lib.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { startTranslation, startTranslationSchema } from "@/lib/translations/start-translation";
import { markBlockDone, markBlockDoneSchema } from "@/lib/translations/done-blocks";
import { bringTranslationUpToDate, bringUpToDateSchema } from "@/lib/translations/bring-up-to-date";

export const startTranslationAction = action(
  { name: "startTranslation", permission: "article.create", schema: startTranslationSchema },
  async (input, actor) => {
    const translation = await startTranslation(db, actor, input);
    revalidatePath(`/studio/articles/${input.sourceArticleId}`, "layout");
    redirect(`/studio/articles/${translation.id}/languages?started=1`);
  },
);

export const markBlockDoneAction = action(
  { name: "markBlockDone", permission: "studio.access", schema: markBlockDoneSchema },
  async (input, actor) => {
    const r = await markBlockDone(db, actor, input);
    revalidatePath(`/studio/articles/${input.articleId}/languages`);
    return r;
  },
);

export const bringUpToDateAction = action(
  { name: "bringTranslationUpToDate", permission: "studio.access", schema: bringUpToDateSchema },
  async (input, actor) => {
    const r = await bringTranslationUpToDate(db, actor, input);
    revalidatePath(`/studio/articles/${input.articleId}`, "layout");
    return r;
  },
);
