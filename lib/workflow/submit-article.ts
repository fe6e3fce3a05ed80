// Writer (or editor) submits the working copy for medical review: freezes it into an immutable revision and
// moves the article to IN_REVIEW, in one transaction with the audit events and the reviewers' notifications.
// After commit the caller runs afterRevisionFrozen (checks + plagiarism, lib/revisions/after-freeze.ts).
import { z } from "zod";
import { formFlag } from "../validation";
import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { freezeRevision } from "../revisions/freeze-revision";
import { queueNotifications } from "../notifications/queue-notification";
import { assertTransition, TRANSITIONS } from "./state-machine";
import { loadTransitionContext } from "./load-transition-context";
import { reviewPath } from "./links";
import { getSetting } from "../settings/settings";
import { createAssignments, reopenAssignments } from "../assignments/assign-reviewers";
import { eligibleReviewers, leastLoadedInArea } from "../assignments/eligible-reviewers";

export const submitArticleSchema = z.object({
  articleId: z.string().min(1),
  changeSummary: z
    .string({ error: "Say briefly what changed." })
    .trim()
    .min(3, "Say briefly what changed (at least 3 characters).")
    .max(500, "Keep the change summary under 500 characters."),
  /** Readers may see the change summary in the public update history (a ticked box); internal otherwise. */
  changeSummaryPublic: formFlag.optional(),
});
export type SubmitArticleInput = z.output<typeof submitArticleSchema>;

export async function submitArticle(db: Db, actor: Actor, input: SubmitArticleInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor);
    const to = assertTransition("submit", actor, ctx);
    const revision = await freezeRevision(tx, {
      articleId: article.id,
      actorId: actor.id,
      changeSummary: data.changeSummary,
      changeSummaryPublic: data.changeSummaryPublic ?? false,
    });
    await tx.article.update({ where: { id: article.id }, data: { status: to } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.submit.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: {
        from: ctx.status,
        to,
        revisionId: revision.id,
        number: revision.number,
        contentHash: revision.contentHash,
        changeSummaryPublic: revision.changeSummaryPublic,
      },
    });
    // Who is asked: the reviewers already assigned to this article (a resubmission goes back to them), else
    // the auto-assign rule's pick when it is on, else every eligible reviewer (any of them may claim it).
    const notice = {
      kind: "REVIEW_REQUESTED" as const,
      title: `Submitted for your review: “${revision.title}”`,
      body: `${actor.name} submitted revision ${revision.number}. Change summary: ${revision.changeSummary}`,
      link: reviewPath(article.id),
    };
    const reassigned = await reopenAssignments(tx, article.id);
    const eligible = await eligibleReviewers(tx, article.id);
    if (reassigned.length) {
      await queueNotifications(tx, reassigned, notice, actor.id);
    } else {
      const pick =
        (await getSetting(tx, "review.autoAssign")) === 1 ? leastLoadedInArea(eligible, article.clinicalAreaId) : null;
      if (pick) await createAssignments(tx, { articleId: article.id, reviewerIds: [pick.id], assignedById: null });
      else
        await queueNotifications(
          tx,
          eligible.map((r) => r.id),
          notice,
          actor.id,
        );
    }
    return { articleId: article.id, slug: article.slug, revisionId: revision.id, number: revision.number, status: to };
  });
}

export const withdrawSubmissionSchema = z.object({ articleId: z.string().min(1) });
export type WithdrawSubmissionInput = z.output<typeof withdrawSubmissionSchema>;

/** The writer takes a submission back before a decision. */
export async function withdrawSubmission(db: Db, actor: Actor, input: WithdrawSubmissionInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor);
    const to = assertTransition("withdraw", actor, ctx);
    await tx.article.update({ where: { id: article.id }, data: { status: to } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.withdraw.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: { from: ctx.status, to, revisionId: article.currentRevisionId },
    });
    return { articleId: article.id, status: to };
  });
}
