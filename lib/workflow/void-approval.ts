// Any change to an article's content after it was submitted or approved invalidates the sign-off
// (PRODUCT.md: "An approval is bound to one revision's content hash. Any change to the content voids it").
// The editor's saveDraft calls this inside its transaction whenever the working copy's content changed.
//
// - APPROVED → DRAFT: the approval Review row is marked voided (voidedAt, voidReason), any scheduled
//   publication is cancelled (it would publish the revision that was approved, not what the writers now
//   want), and the reviewer is told why.
// - IN_REVIEW → DRAFT: the submission is withdrawn. We chose this over leaving it in review because the
//   reviewer would otherwise sign off a frozen revision that is no longer what the writers intend to
//   publish, and the approval would have to be voided again at the next save. The writer resubmits when
//   ready (that freezes a new revision). Reviewers who already commented on the revision are told.
// - Any other state: nothing to void (CHANGES_REQUESTED is the writer's turn; a PUBLISHED article's live
//   revision is untouched and the edit becomes the next draft).
// A live article stays live in every case: only publishing or unpublishing changes liveRevisionId.
import type { DbTx } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotification, queueNotifications } from "../notifications/queue-notification";
import { reviewPath } from "./links";

export interface VoidResult {
  /** What was voided: an approval, a pending submission, or nothing. */
  voided: "approval" | "submission" | null;
  from: string;
  to: string;
}

export async function voidApprovalOnEdit(tx: DbTx, input: { articleId: string; actorId: string }): Promise<VoidResult> {
  const article = await tx.article.findUnique({
    where: { id: input.articleId },
    select: {
      id: true,
      status: true,
      currentRevisionId: true,
      draft: { select: { title: true } },
      scheduledPublishAt: true,
    },
  });
  if (!article) return { voided: null, from: "", to: "" };
  if (article.status !== "APPROVED" && article.status !== "IN_REVIEW")
    return { voided: null, from: article.status, to: article.status };

  const actor = await tx.user.findUnique({ where: { id: input.actorId }, select: { name: true } });
  const who = actor?.name ?? "Someone";
  const title = article.draft?.title ?? "an article";
  const link = reviewPath(article.id);
  const now = new Date();

  if (article.status === "APPROVED") {
    const reason = `The content was edited by ${who} after approval, so the approval no longer matches the text.`;
    const approvals = article.currentRevisionId
      ? await tx.review.findMany({
          where: { revisionId: article.currentRevisionId, decision: "APPROVED", voidedAt: null },
          select: { id: true, reviewerId: true },
        })
      : [];
    for (const a of approvals) {
      await tx.review.update({ where: { id: a.id }, data: { voidedAt: now, voidReason: reason } });
    }
    await tx.article.update({
      where: { id: article.id },
      data: { status: "DRAFT", scheduledPublishAt: null, scheduledRevisionId: null, scheduledById: null },
    });
    await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: "review.approval_voided",
      entityType: "Article",
      entityId: article.id,
      data: {
        from: "APPROVED",
        to: "DRAFT",
        revisionId: article.currentRevisionId,
        reviewIds: approvals.map((a) => a.id),
        reason,
        scheduleCancelled: !!article.scheduledPublishAt,
      },
    });
    for (const a of approvals) {
      if (a.reviewerId === input.actorId) continue;
      await queueNotification(tx, {
        userId: a.reviewerId,
        kind: "APPROVAL_VOIDED",
        title: `Your approval of “${title}” was voided`,
        body: `${reason} The article is back in Draft; it will come to review again when it is resubmitted.`,
        link,
      });
    }
    return { voided: "approval", from: "APPROVED", to: "DRAFT" };
  }

  // IN_REVIEW
  const reason = `The content was edited by ${who} while it was in review, so the submission was withdrawn.`;
  await tx.article.update({ where: { id: article.id }, data: { status: "DRAFT" } });
  await recordAuditEvent(tx, {
    actorId: input.actorId,
    action: "article.submission_withdrawn",
    entityType: "Article",
    entityId: article.id,
    data: { from: "IN_REVIEW", to: "DRAFT", revisionId: article.currentRevisionId, reason },
  });
  const commenters = article.currentRevisionId
    ? await tx.reviewComment.findMany({
        where: { revisionId: article.currentRevisionId, author: { roles: { some: { role: "REVIEWER" } } } },
        select: { authorId: true },
      })
    : [];
  await queueNotifications(
    tx,
    commenters.map((c) => c.authorId),
    {
      kind: "SUBMISSION_WITHDRAWN",
      title: `“${title}” was withdrawn from review`,
      body: `${reason} It will come back when it is resubmitted.`,
      link,
    },
    input.actorId,
  );
  return { voided: "submission", from: "IN_REVIEW", to: "DRAFT" };
}
