// An editor acknowledges a reader's report (New → Acknowledged); see triage-transitions.ts.
import { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { canTransition, loadReport, moveReport, refuseTransition, triageIdSchema } from "./triage-transitions";

export const acknowledgeFeedbackSchema = z.object({ feedbackId: triageIdSchema });
export type AcknowledgeFeedbackInput = z.output<typeof acknowledgeFeedbackSchema>;

export async function acknowledgeFeedback(db: Db, actor: Actor, input: AcknowledgeFeedbackInput, now = new Date()) {
  assertCan(actor, "feedback.triage", "triage reader feedback");
  const id = input.feedbackId;
  return db.$transaction(async (tx) => {
    const report = await loadReport(tx, id);
    if (!canTransition(report.status, "ACKNOWLEDGED")) refuseTransition(report.status, "ACKNOWLEDGED");
    await moveReport(tx, id, report.status, { status: "ACKNOWLEDGED", triagedById: actor.id, triagedAt: now });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "feedback.acknowledged",
      entityType: "Feedback",
      entityId: id,
      data: { articleId: report.articleId, from: report.status },
    });
    return { id, status: "ACKNOWLEDGED" as const, articleId: report.articleId };
  });
}
