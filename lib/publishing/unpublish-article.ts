// Takes the live version down with a written reason (kept on the Publication row and in the audit log).
// Also archiving and restoring, which share the "take it down" step.
import { z } from "zod";
import { formOptional } from "../validation";
import type { Db, DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotifications } from "../notifications/queue-notification";
import { assertTransition, TRANSITIONS } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { reviewPath } from "../workflow/links";
import { bumpPublicChange } from "../page-cache/public-change";
import { syncArticleSearch } from "../search/sync-article-search";
import { queueArticleUnpublishedEvent } from "../webhooks/events";

const reason = z
  .string({ error: "Give the reason." })
  .trim()
  .min(5, "Give the reason (at least 5 characters): it is kept in the audit log.")
  .max(1000, "Keep the reason under 1000 characters.");

export const unpublishArticleSchema = z.object({ articleId: z.string().min(1), reason });
export type UnpublishArticleInput = z.output<typeof unpublishArticleSchema>;
export const archiveArticleSchema = z.object({ articleId: z.string().min(1), reason: formOptional(reason) });
export type ArchiveArticleInput = z.output<typeof archiveArticleSchema>;

async function takeDown(tx: DbTx, articleId: string, liveRevisionId: string, why: string) {
  const pub = await tx.publication.findFirst({
    where: { articleId, revisionId: liveRevisionId, unpublishedAt: null },
    orderBy: { publishedAt: "desc" },
  });
  if (pub)
    await tx.publication.update({ where: { id: pub.id }, data: { unpublishedAt: new Date(), unpublishReason: why } });
}

export async function unpublishArticle(db: Db, actor: Actor, input: UnpublishArticleInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor);
    const to = assertTransition("unpublish", actor, ctx);
    await takeDown(tx, article.id, article.liveRevisionId!, data.reason);
    await tx.article.update({ where: { id: article.id }, data: { status: to, liveRevisionId: null } });
    await bumpPublicChange(tx);
    await syncArticleSearch(tx, article.id);
    await queueArticleUnpublishedEvent(tx, {
      articleId: article.id,
      slug: article.slug,
      revisionId: article.liveRevisionId,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.unpublish.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: { from: ctx.status, to, revisionId: article.liveRevisionId, reason: data.reason },
    });
    const authors = await tx.articleAuthor.findMany({ where: { articleId: article.id }, select: { userId: true } });
    await queueNotifications(
      tx,
      authors.map((a) => a.userId),
      {
        kind: "UNPUBLISHED",
        title: `Unpublished: “${article.title}”`,
        body: `${actor.name} took it down. Reason: ${data.reason}`,
        link: reviewPath(article.id),
      },
      actor.id,
    );
    return { articleId: article.id, slug: article.slug, status: to };
  });
}

export async function archiveArticle(db: Db, actor: Actor, input: ArchiveArticleInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor);
    const to = assertTransition("archive", actor, ctx);
    const why = data.reason ?? "Archived";
    if (article.liveRevisionId) {
      await takeDown(tx, article.id, article.liveRevisionId, why);
      await bumpPublicChange(tx);
    }
    await tx.article.update({
      where: { id: article.id },
      data: {
        status: to,
        liveRevisionId: null,
        scheduledPublishAt: null,
        scheduledRevisionId: null,
        scheduledById: null,
      },
    });
    await syncArticleSearch(tx, article.id);
    if (article.liveRevisionId)
      await queueArticleUnpublishedEvent(tx, {
        articleId: article.id,
        slug: article.slug,
        revisionId: article.liveRevisionId,
      });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.archive.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: { from: ctx.status, to, wasLive: !!article.liveRevisionId, reason: why },
    });
    return { articleId: article.id, slug: article.slug, status: to, wasLive: !!article.liveRevisionId };
  });
}

export const restoreArticleSchema = z.object({ articleId: z.string().min(1) });
export type RestoreArticleInput = z.output<typeof restoreArticleSchema>;

export async function restoreArticle(db: Db, actor: Actor, input: RestoreArticleInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor);
    const to = assertTransition("restore", actor, ctx);
    await tx.article.update({ where: { id: article.id }, data: { status: to } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.restore.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: { from: ctx.status, to },
    });
    return { articleId: article.id, status: to };
  });
}
