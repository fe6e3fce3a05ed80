// Takes the live version down with a written reason (kept on the Publication row and in the audit log).
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotifications } from "../notifications/queue-notification";
import { assertTransition, TRANSITIONS } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { reviewPath } from "../workflow/links";
import { changeWhatReadersSee } from "../public/reader-change";
import { syncArticleSearch } from "../search/sync-article-search";
import { queueArticleUnpublishedEvent } from "../webhooks/events";
import { takeDown, takeDownReasonSchema } from "./take-down";

export const unpublishArticleSchema = z.object({ articleId: z.string().min(1), reason: takeDownReasonSchema });
export type UnpublishArticleInput = z.output<typeof unpublishArticleSchema>;

export async function unpublishArticle(db: Db, actor: Actor, input: UnpublishArticleInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor);
    const to = assertTransition("unpublish", actor, ctx);
    await takeDown(tx, article.id, article.liveRevisionId!, data.reason);
    await tx.article.update({ where: { id: article.id }, data: { status: to, liveRevisionId: null } });
    const readerChange = await changeWhatReadersSee(tx, {
      articleId: article.id,
      revisionIds: [article.liveRevisionId],
    });
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
    return { articleId: article.id, slug: article.slug, status: to, readerChange };
  });
}
