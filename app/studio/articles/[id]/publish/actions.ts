"use server";
// Publish screen actions. Each commits in lib and sends mail; the readers' pages an operation changed are expired
// by the action wrapper from the result's readerChange.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { publishArticle, publishArticleSchema } from "@/lib/publishing/publish-article";
import {
  cancelScheduledPublication,
  cancelScheduledPublicationSchema,
} from "@/lib/publishing/cancel-scheduled-publication";
import { schedulePublication, schedulePublicationSchema } from "@/lib/publishing/schedule-publication";
import { unpublishArticle, unpublishArticleSchema } from "@/lib/publishing/unpublish-article";
import { archiveArticle, archiveArticleSchema } from "@/lib/publishing/archive-article";
import { restoreArticle, restoreArticleSchema } from "@/lib/publishing/restore-article";
import { overrideGateItem, overrideGateItemSchema } from "@/lib/gate/override-gate-item";
import { sendQueuedMail } from "@/app/_server/after-commit";

const studio = (articleId: string) => {
  revalidatePath(`/studio/articles/${articleId}/publish`);
  sendQueuedMail();
};

export const publishAction = action(
  { name: "publishArticle", permission: "article.publish", schema: publishArticleSchema },
  async (input, actor) => {
    const r = await publishArticle(db, actor, input);
    studio(r.articleId);
    return { slug: r.slug, readerChange: r.readerChange };
  },
);

export const scheduleAction = action(
  { name: "schedulePublication", permission: "article.publish", schema: schedulePublicationSchema },
  async (input, actor) => {
    const r = await schedulePublication(db, actor, input);
    studio(r.articleId);
    return { publishAt: r.publishAt.toISOString() };
  },
);

export const cancelScheduleAction = action(
  { name: "cancelSchedule", permission: "article.publish", schema: cancelScheduledPublicationSchema },
  async (input, actor) => {
    await cancelScheduledPublication(db, actor, input);
    studio(input.articleId);
    return {};
  },
);

export const unpublishAction = action(
  { name: "unpublishArticle", permission: "article.unpublish", schema: unpublishArticleSchema },
  async (input, actor) => {
    const r = await unpublishArticle(db, actor, input);
    studio(r.articleId);
    return { status: r.status, readerChange: r.readerChange };
  },
);

export const overrideAction = action(
  { name: "overrideGateItem", permission: "gate.override", schema: overrideGateItemSchema },
  async (input, actor) => {
    await overrideGateItem(db, actor, input);
    studio(input.articleId);
    return {};
  },
);

export const archiveAction = action(
  { name: "archiveArticle", permission: "article.archive", schema: archiveArticleSchema },
  async (input, actor) => {
    const r = await archiveArticle(db, actor, input);
    studio(r.articleId);
    return { status: r.status, readerChange: r.readerChange };
  },
);

export const restoreAction = action(
  { name: "restoreArticle", permission: "article.archive", schema: restoreArticleSchema },
  async (input, actor) => {
    const r = await restoreArticle(db, actor, input);
    studio(r.articleId);
    return { status: r.status };
  },
);
