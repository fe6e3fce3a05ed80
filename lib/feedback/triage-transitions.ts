// Editors' decisions on a reader's report: New → Acknowledged → Resolved (linked to the revision that fixed
// it) or Dismissed (with a reason). Resolved and Dismissed are final. The decisions (acknowledge-, resolve-,
// dismiss-feedback.ts) share the steps here: each change and its audit event commit in one transaction, and the
// status is re-checked inside it (updateMany on the expected status), so two editors acting at once cannot both
// move the same report.
import { z } from "zod";
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { FEEDBACK_LIMITS, FEEDBACK_STATUS_LABELS, type FeedbackStatus, isFeedbackStatus } from "./reasons";

export const TRIAGE_TRANSITIONS: Readonly<Record<FeedbackStatus, readonly FeedbackStatus[]>> = {
  NEW: ["ACKNOWLEDGED", "RESOLVED", "DISMISSED"],
  ACKNOWLEDGED: ["RESOLVED", "DISMISSED"],
  RESOLVED: [],
  DISMISSED: [],
};

export function canTransition(from: string, to: FeedbackStatus): boolean {
  return isFeedbackStatus(from) && TRIAGE_TRANSITIONS[from].includes(to);
}

/** The report a decision is about (every decision's form names it). */
export const triageIdSchema = z.string().trim().min(1, { error: "Choose a report." }).max(FEEDBACK_LIMITS.idMax);

export async function loadReport(tx: DbTx, feedbackId: string) {
  const report = await tx.feedback.findUnique({
    where: { id: feedbackId },
    select: {
      id: true,
      articleId: true,
      revisionId: true,
      status: true,
      helpful: true,
      reason: true,
      revision: { select: { number: true } },
    },
  });
  if (!report) throw new AppError("NOT_FOUND", "That report no longer exists.");
  if (report.helpful)
    throw new AppError("INVALID_TRANSITION", "A “Yes, helpful” answer is not a report and needs no triage.");
  return report;
}

export function refuseTransition(from: string, to: FeedbackStatus): never {
  const fromLabel = isFeedbackStatus(from) ? FEEDBACK_STATUS_LABELS[from] : from;
  throw new AppError(
    "INVALID_TRANSITION",
    `This report is already ${fromLabel.toLowerCase()}; it cannot be marked ${FEEDBACK_STATUS_LABELS[to].toLowerCase()}. Reload to see its current state.`,
    { details: { status: from } },
  );
}

/** Moves the report from `from` to its new state, refusing when someone else moved it meanwhile. */
export async function moveReport(tx: DbTx, id: string, from: string, data: Record<string, unknown>) {
  const moved = await tx.feedback.updateMany({ where: { id, status: from }, data });
  // Someone else changed it between our read and our write (inside SQLite's write lock this cannot happen,
  // but the guard keeps the rule true on any database).
  if (moved.count !== 1)
    throw new AppError("CONFLICT", "Someone else has just changed this report. Reload to see its current state.");
}
