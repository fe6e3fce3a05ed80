// Publishes every scheduled publication whose time has come. Idempotent and safe to run from several
// places at once (timer, server start, studio requests): each article is published in its own transaction
// that re-reads the schedule, so a second runner finds nothing left to do.
// The publication is made on behalf of the editor who scheduled it, with their permissions as they are
// now (a demoted editor's schedule fails). A schedule that can no longer be honoured (gate now fails, a
// newer revision was submitted, the approval was voided) is cleared, audited and the editor is told: it
// must not fire later by surprise.
import type { Db } from "../db/client";
import { isAppError } from "../errors";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotification } from "../notifications/queue-notification";
import { publishInTx, type PublishedInfo } from "./publish-article";
import { mergeReaderChanges, type ChangesWhatReadersSee } from "../public/reader-change";
import { publishPath } from "../workflow/links";
import { toActor } from "../users/to-actor";

/** `readerChange`: the pages of every article published in this run. */
export interface DueRunResult extends ChangesWhatReadersSee {
  published: PublishedInfo[];
  failed: Array<{ articleId: string; slug: string; reason: string }>;
}

export async function publishDueArticles(db: Db, now = new Date()): Promise<DueRunResult> {
  const due = await db.article.findMany({
    where: { scheduledPublishAt: { lte: now } },
    select: { id: true },
    orderBy: { scheduledPublishAt: "asc" },
    take: 50,
  });
  const result: DueRunResult = { published: [], failed: [], readerChange: null };
  for (const { id } of due) {
    try {
      const info = await db.$transaction(async (tx) => {
        const a = await tx.article.findUnique({
          where: { id },
          select: { slug: true, scheduledPublishAt: true, scheduledRevisionId: true, scheduledById: true },
        });
        if (!a?.scheduledPublishAt || a.scheduledPublishAt > now || !a.scheduledRevisionId || !a.scheduledById)
          return null; // someone else ran it
        const user = await tx.user.findUnique({ where: { id: a.scheduledById }, include: { roles: true } });
        if (!user) throw new Error("The editor who scheduled it no longer exists.");
        return publishInTx(tx, toActor(user), id, a.scheduledRevisionId, "schedule");
      });
      if (info) result.published.push(info);
    } catch (err) {
      const reason = isAppError(err) ? err.message : err instanceof Error ? err.message : String(err);
      const failed = await clearFailedSchedule(db, id, reason);
      if (failed) result.failed.push(failed);
    }
  }
  result.readerChange = mergeReaderChanges(result.published.map((p) => p.readerChange));
  return result;
}

async function clearFailedSchedule(db: Db, articleId: string, reason: string) {
  return db.$transaction(async (tx) => {
    const a = await tx.article.findUnique({
      where: { id: articleId },
      select: {
        slug: true,
        scheduledPublishAt: true,
        scheduledRevisionId: true,
        scheduledById: true,
        draft: { select: { title: true } },
      },
    });
    if (!a?.scheduledPublishAt) return null;
    await tx.article.update({
      where: { id: articleId },
      data: { scheduledPublishAt: null, scheduledRevisionId: null, scheduledById: null },
    });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "article.scheduled_publish_failed",
      entityType: "Article",
      entityId: articleId,
      data: {
        revisionId: a.scheduledRevisionId,
        publishAt: a.scheduledPublishAt.toISOString(),
        scheduledById: a.scheduledById,
        reason,
      },
    });
    if (a.scheduledById) {
      await queueNotification(tx, {
        userId: a.scheduledById,
        kind: "PUBLISH_FAILED",
        title: `Scheduled publication did not happen: “${a.draft?.title ?? a.slug}”`,
        body: `It was due at ${a.scheduledPublishAt.toISOString()}. Reason: ${reason} The schedule was cleared; check the gate and publish or schedule again.`,
        link: publishPath(articleId),
      });
    }
    return { articleId, slug: a.slug, reason };
  });
}

/** Cheap check for the studio request path: is anything due? */
export async function hasDuePublications(db: Db, now = new Date()): Promise<boolean> {
  return (await db.article.count({ where: { scheduledPublishAt: { lte: now } } })) > 0;
}
