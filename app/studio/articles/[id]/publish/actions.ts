"use server";
// Publish screen actions. Each commits in lib, then refreshes the readers' pages and sends mail.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { publishArticle } from "@/lib/publishing/publish-article";
import { cancelScheduledPublication, schedulePublication } from "@/lib/publishing/schedule-publication";
import { archiveArticle, restoreArticle, unpublishArticle } from "@/lib/publishing/unpublish-article";
import { overrideGateItem } from "@/lib/gate/override-gate-item";
import { formObject } from "../../../_review/loose";
import { refreshArticlePages, sendQueuedMail } from "../../../_review/after-commit";

const studio = (articleId: unknown) => {
  revalidatePath(`/studio/articles/${String(articleId)}/publish`);
  sendQueuedMail();
};

async function liveRevision(articleId: unknown) {
  const a = await db.article.findUnique({ where: { id: String(articleId) }, select: { liveRevisionId: true } });
  return a?.liveRevisionId ?? null;
}

export const publishAction = action(
  { name: "publishArticle", permission: "article.publish", schema: formObject },
  async (input, actor) => {
    const r = await publishArticle(db, actor, input);
    await refreshArticlePages(r.articleId, [r.revisionId, r.previousLiveRevisionId]);
    studio(r.articleId);
    return { slug: r.slug };
  },
);

export const scheduleAction = action(
  { name: "schedulePublication", permission: "article.publish", schema: formObject },
  async (input, actor) => {
    const r = await schedulePublication(db, actor, input);
    studio(r.articleId);
    return { publishAt: r.publishAt.toISOString() };
  },
);

export const cancelScheduleAction = action(
  { name: "cancelSchedule", permission: "article.publish", schema: formObject },
  async (input, actor) => {
    await cancelScheduledPublication(db, actor, input);
    studio(input.articleId);
    return {};
  },
);

export const unpublishAction = action(
  { name: "unpublishArticle", permission: "article.unpublish", schema: formObject },
  async (input, actor) => {
    const previous = await liveRevision(input.articleId);
    const r = await unpublishArticle(db, actor, input);
    await refreshArticlePages(r.articleId, [previous]);
    studio(r.articleId);
    return { status: r.status };
  },
);

export const overrideAction = action(
  { name: "overrideGateItem", permission: "gate.override", schema: formObject },
  async (input, actor) => {
    await overrideGateItem(db, actor, input);
    studio(input.articleId);
    return {};
  },
);

export const archiveAction = action(
  { name: "archiveArticle", permission: "article.archive", schema: formObject },
  async (input, actor) => {
    const previous = await liveRevision(input.articleId);
    const r = await archiveArticle(db, actor, { ...input, reason: input.reason === "" ? undefined : input.reason });
    if (r.wasLive) await refreshArticlePages(r.articleId, [previous]);
    studio(r.articleId);
    return { status: r.status };
  },
);

export const restoreAction = action(
  { name: "restoreArticle", permission: "article.archive", schema: formObject },
  async (input, actor) => {
    const r = await restoreArticle(db, actor, input);
    studio(r.articleId);
    return { status: r.status };
  },
);
