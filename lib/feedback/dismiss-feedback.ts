// An editor dismisses a reader's report with a reason; see triage-transitions.ts.
import { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { FEEDBACK_LIMITS } from "./reasons";
import { canTransition, loadReport, moveReport, refuseTransition, triageIdSchema } from "./triage-transitions";

export const dismissFeedbackSchema = z.object({
  feedbackId: triageIdSchema,
  reason: z
    .string({ error: "Say why this report is dismissed." })
    .trim()
    .min(3, { error: "Say why this report is dismissed (at least a few words)." })
    .max(FEEDBACK_LIMITS.dismissReasonMax, {
      error: `Keep the reason under ${FEEDBACK_LIMITS.dismissReasonMax} characters.`,
    }),
});
export type DismissFeedbackInput = z.output<typeof dismissFeedbackSchema>;

export async function dismissFeedback(db: Db, actor: Actor, input: DismissFeedbackInput, now = new Date()) {
  assertCan(actor, "feedback.triage", "triage reader feedback");
  const { feedbackId, reason } = input;
  return db.$transaction(async (tx) => {
    const report = await loadReport(tx, feedbackId);
    if (!canTransition(report.status, "DISMISSED")) refuseTransition(report.status, "DISMISSED");
    await moveReport(tx, feedbackId, report.status, {
      status: "DISMISSED",
      dismissReason: reason,
      triagedById: actor.id,
      triagedAt: now,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "feedback.dismissed",
      entityType: "Feedback",
      entityId: feedbackId,
      data: { articleId: report.articleId, from: report.status, reason },
    });
    return { id: feedbackId, status: "DISMISSED" as const, articleId: report.articleId };
  });
}
