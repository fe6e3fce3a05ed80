// Publishing: the gate is evaluated inside the same transaction that swaps the live revision, so what was
// checked is exactly what goes live. Creates the Publication row (the public update history), sets the
// dates and the review-due date, records the audit event and notifies the people involved. What readers see
// changed is returned as `readerChange` (lib/public/reader-change.ts): the boundary expires those pages.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotifications } from "../notifications/queue-notification";
import { getSetting } from "../settings/settings";
import { assertTransition, TRANSITIONS } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { addMonths } from "./add-months";
import { changeWhatReadersSee, type ChangesWhatReadersSee } from "../public/reader-change";
import { syncArticleSearch } from "../search/sync-article-search";
import { queueArticleLiveEvent } from "../webhooks/events";
import { toCitationStyle } from "../references/citation-styles";
import { formatRevisionReferences } from "../references/format-revision-references";
import { trackSourceChangesOnPublish } from "../translations/track-source-changes";
import { buildDisclosureSnapshot } from "../declarations/disclosure-snapshot";

export interface PublishedInfo extends ChangesWhatReadersSee {
  articleId: string;
  slug: string;
  revisionId: string;
  /** The revision that was live before (its reviewer's profile changes too). */
  previousLiveRevisionId: string | null;
  publicationId: string;
  publishedAt: Date;
}

export const publishArticleSchema = z.object({
  articleId: z.string().min(1),
  // The revision the editor saw on the gate screen: refuse if another was submitted since.
  revisionId: z.string().min(1, "The revision is missing; reload the page."),
});
export type PublishArticleInput = z.output<typeof publishArticleSchema>;

/** The publish itself; runs inside the caller's transaction (publish now, or a due scheduled publication). */
export async function publishInTx(
  tx: DbTx,
  actor: Actor,
  articleId: string,
  revisionId: string,
  via: "now" | "schedule",
): Promise<PublishedInfo> {
  const { ctx, article, gate } = await loadTransitionContext(tx, articleId, actor, { gate: true });
  const to = assertTransition("publish", actor, ctx);
  if (article.currentRevisionId !== revisionId)
    throw new AppError("CONFLICT", "A newer revision exists; check its gate before publishing.");
  if (!gate?.approval) throw new AppError("GATE_FAILED", "The publish gate did not find a valid approval.");
  const revision = await tx.revision.findUniqueOrThrow({
    where: { id: revisionId },
    select: {
      changeSummary: true,
      changeSummaryPublic: true,
      title: true,
      number: true,
      bodyJson: true,
      referencesJson: true,
      contentHash: true,
    },
  });
  const now = new Date();
  const months = await getSetting(tx, "review.intervalMonths");
  // Due for re-review a policy interval after the last medical review (the approval), not after publishing:
  // a revision that waited a month to go live is a month closer to needing another look.
  const reviewDueAt = addMonths(gate.approval.createdAt, months);
  const previous = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { firstPublishedAt: true, liveRevisionId: true, citationStyle: true },
  });
  // References are formatted in the article's citation style once, here: readers' pages read the result.
  const citationStyle = toCitationStyle(previous.citationStyle);
  const publication = await tx.publication.create({
    data: {
      articleId,
      revisionId,
      publishedById: actor.id,
      publishedAt: now,
      // The writer's note goes public only when they said so; readers otherwise see a neutral entry.
      changeSummary: revision.changeSummaryPublic ? revision.changeSummary : "",
      citationStyle,
      referencesHtml: formatRevisionReferences(revision.bodyJson, revision.referencesJson, citationStyle),
      // Funding, declarations and lay review as they stand now: the public page reads this, never the tables.
      disclosureJson: JSON.stringify(
        await buildDisclosureSnapshot(
          tx,
          articleId,
          { id: revisionId, contentHash: revision.contentHash },
          (
            await tx.review.findMany({
              where: { revisionId, decision: "APPROVED", voidedAt: null, contentHash: revision.contentHash },
              select: { reviewerId: true },
            })
          ).map((r) => r.reviewerId),
          now,
        ),
      ),
    },
  });
  await tx.article.update({
    where: { id: articleId },
    data: {
      status: to,
      liveRevisionId: revisionId,
      firstPublishedAt: previous.firstPublishedAt ?? now,
      lastPublishedAt: now,
      reviewDueAt,
      needsReReview: false,
      scheduledPublishAt: null,
      scheduledRevisionId: null,
      scheduledById: null,
    },
  });
  const readerChange = await changeWhatReadersSee(tx, {
    articleId,
    revisionIds: [revisionId, previous.liveRevisionId],
  });
  await trackSourceChangesOnPublish(tx, { articleId, revisionId, publishedAt: now, actorId: actor.id });
  await syncArticleSearch(tx, articleId);
  await queueArticleLiveEvent(tx, {
    articleId,
    slug: article.slug,
    revisionId,
    previousLiveRevisionId: previous.liveRevisionId,
  });
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: TRANSITIONS.publish.auditAction,
    entityType: "Article",
    entityId: articleId,
    data: {
      from: ctx.status,
      to,
      via,
      revisionId,
      previousLiveRevisionId: previous.liveRevisionId,
      publicationId: publication.id,
      approvalId: gate.approval.id,
      reviewDueAt: reviewDueAt.toISOString(),
      gate: gate.items.map((i) => ({ item: i.key, state: i.state })),
    },
  });
  const [authors, reviewer] = await Promise.all([
    tx.articleAuthor.findMany({ where: { articleId }, select: { userId: true } }),
    Promise.resolve(gate.approval.reviewerId),
  ]);
  await queueNotifications(
    tx,
    [...authors.map((a) => a.userId), reviewer],
    {
      kind: "PUBLISHED",
      title: `Published: “${revision.title}”`,
      body: `Revision ${revision.number} is live${via === "schedule" ? " (scheduled publication)" : ""}.`,
      link: `/articles/${article.slug}`,
    },
    actor.id,
  );
  return {
    articleId,
    slug: article.slug,
    revisionId,
    previousLiveRevisionId: previous.liveRevisionId,
    publicationId: publication.id,
    publishedAt: now,
    readerChange,
  };
}

export async function publishArticle(db: Db, actor: Actor, input: PublishArticleInput): Promise<PublishedInfo> {
  return db.$transaction((tx) => publishInTx(tx, actor, input.articleId, input.revisionId, "now"));
}
