// What the publish screen shows an editor: the gate item by item for the current revision, which of
// publish / schedule / unpublish / archive / restore are possible now (and why not), the schedule, and the
// publication history.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { checkTransition } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { getPublicTrail } from "./public-trail";

export async function loadPublishScreen(db: DbTx, actor: Actor, articleId: string) {
  const { ctx, article, gate } = await loadTransitionContext(db, articleId, actor, { gate: true });
  const [details, revision, trail] = await Promise.all([
    db.article.findUniqueOrThrow({
      where: { id: articleId },
      select: {
        scheduledPublishAt: true,
        scheduledById: true,
        reviewDueAt: true,
        firstPublishedAt: true,
        lastPublishedAt: true,
      },
    }),
    article.currentRevisionId
      ? db.revision.findUnique({
          where: { id: article.currentRevisionId },
          select: { id: true, number: true, changeSummary: true, createdAt: true },
        })
      : null,
    getPublicTrail(db, articleId),
  ]);
  const scheduler = details.scheduledById
    ? await db.user.findUnique({ where: { id: details.scheduledById }, select: { name: true } })
    : null;
  return {
    article,
    ctx,
    gate,
    revision,
    may: {
      publish: checkTransition("publish", actor, ctx),
      schedule: checkTransition("schedule", actor, ctx),
      unpublish: checkTransition("unpublish", actor, ctx),
      archive: checkTransition("archive", actor, ctx),
      restore: checkTransition("restore", actor, ctx),
    },
    schedule: details.scheduledPublishAt
      ? { at: details.scheduledPublishAt, byName: scheduler?.name ?? "an editor" }
      : null,
    dates: {
      reviewDueAt: details.reviewDueAt,
      firstPublishedAt: details.firstPublishedAt,
      lastPublishedAt: details.lastPublishedAt,
    },
    trail,
  };
}
