// An editor resolves a reader's report, linking the later revision of the same article that fixed it; see
// triage-transitions.ts.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { FEEDBACK_LIMITS } from "./reasons";
import { canTransition, loadReport, moveReport, refuseTransition, triageIdSchema } from "./triage-transitions";

export const resolveFeedbackSchema = z.object({
  feedbackId: triageIdSchema,
  revisionId: z
    .string({ error: "Choose the revision that fixed it." })
    .trim()
    .min(1, { error: "Choose the revision that fixed it." })
    .max(FEEDBACK_LIMITS.idMax),
});
export type ResolveFeedbackInput = z.output<typeof resolveFeedbackSchema>;

export async function resolveFeedback(db: Db, actor: Actor, input: ResolveFeedbackInput, now = new Date()) {
  assertCan(actor, "feedback.triage", "triage reader feedback");
  const { feedbackId, revisionId } = input;
  return db.$transaction(async (tx) => {
    const report = await loadReport(tx, feedbackId);
    if (!canTransition(report.status, "RESOLVED")) refuseTransition(report.status, "RESOLVED");
    const fix = await tx.revision.findUnique({
      where: { id: revisionId },
      select: { id: true, articleId: true, number: true },
    });
    if (!fix || fix.articleId !== report.articleId) {
      throw new AppError("VALIDATION", "Link a revision of this same article.", {
        fieldErrors: { revisionId: ["That revision does not belong to this article."] },
      });
    }
    if (fix.number <= report.revision.number) {
      throw new AppError("VALIDATION", "The fix must be a later revision than the one the reader saw.", {
        fieldErrors: { revisionId: [`The reader saw revision ${report.revision.number}; choose a later one.`] },
      });
    }
    await moveReport(tx, feedbackId, report.status, {
      status: "RESOLVED",
      resolvedRevisionId: fix.id,
      dismissReason: null,
      triagedById: actor.id,
      triagedAt: now,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "feedback.resolved",
      entityType: "Feedback",
      entityId: feedbackId,
      data: {
        articleId: report.articleId,
        from: report.status,
        resolvedRevisionId: fix.id,
        resolvedRevisionNumber: fix.number,
      },
    });
    return { id: feedbackId, status: "RESOLVED" as const, articleId: report.articleId };
  });
}
