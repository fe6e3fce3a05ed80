// Archives an article (any state the workflow allows); a live one is taken down first, with the reason given or
// "Archived", and its scheduled publication is cancelled.
import { z } from "zod";
import { formOptional } from "../validation";
import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertTransition, TRANSITIONS } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { changeWhatReadersSee, type ReaderChange } from "../public/reader-change";
import { syncArticleSearch } from "../search/sync-article-search";
import { queueArticleUnpublishedEvent } from "../webhooks/events";
import { takeDown, takeDownReasonSchema } from "./take-down";

export const archiveArticleSchema = z.object({
  articleId: z.string().min(1),
  reason: formOptional(takeDownReasonSchema),
});
export type ArchiveArticleInput = z.output<typeof archiveArticleSchema>;

export async function archiveArticle(db: Db, actor: Actor, input: ArchiveArticleInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor);
    const to = assertTransition("archive", actor, ctx);
    const why = data.reason ?? "Archived";
    let readerChange: ReaderChange | null = null;
    if (article.liveRevisionId) {
      await takeDown(tx, article.id, article.liveRevisionId, why);
      readerChange = await changeWhatReadersSee(tx, { articleId: article.id, revisionIds: [article.liveRevisionId] });
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
    return { articleId: article.id, slug: article.slug, status: to, wasLive: !!article.liveRevisionId, readerChange };
  });
}
