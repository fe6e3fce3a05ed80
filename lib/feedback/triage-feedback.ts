// Editors' decisions on a reader's report: New → Acknowledged → Resolved (linked to the revision that fixed
// it) or Dismissed (with a reason). Resolved and Dismissed are final. Each change and its audit event commit
// in one transaction; the status is re-checked inside it (updateMany on the expected status), so two editors
// acting at once cannot both move the same report.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
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

const idSchema = z.string().trim().min(1, { error: "Choose a report." }).max(FEEDBACK_LIMITS.idMax);

export const acknowledgeFeedbackSchema = z.object({ feedbackId: idSchema });
export type AcknowledgeFeedbackInput = z.output<typeof acknowledgeFeedbackSchema>;

export const resolveFeedbackSchema = z.object({
  feedbackId: idSchema,
  revisionId: z
    .string({ error: "Choose the revision that fixed it." })
    .trim()
    .min(1, { error: "Choose the revision that fixed it." })
    .max(FEEDBACK_LIMITS.idMax),
});
export type ResolveFeedbackInput = z.output<typeof resolveFeedbackSchema>;

export const dismissFeedbackSchema = z.object({
  feedbackId: idSchema,
  reason: z
    .string({ error: "Say why this report is dismissed." })
    .trim()
    .min(3, { error: "Say why this report is dismissed (at least a few words)." })
    .max(FEEDBACK_LIMITS.dismissReasonMax, {
      error: `Keep the reason under ${FEEDBACK_LIMITS.dismissReasonMax} characters.`,
    }),
});
export type DismissFeedbackInput = z.output<typeof dismissFeedbackSchema>;

async function loadReport(tx: DbTx, feedbackId: string) {
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

function refuseTransition(from: string, to: FeedbackStatus): never {
  const fromLabel = isFeedbackStatus(from) ? FEEDBACK_STATUS_LABELS[from] : from;
  throw new AppError(
    "INVALID_TRANSITION",
    `This report is already ${fromLabel.toLowerCase()}; it cannot be marked ${FEEDBACK_STATUS_LABELS[to].toLowerCase()}. Reload to see its current state.`,
    { details: { status: from } },
  );
}

async function move(tx: DbTx, id: string, from: string, data: Record<string, unknown>) {
  const moved = await tx.feedback.updateMany({ where: { id, status: from }, data });
  // Someone else changed it between our read and our write (inside SQLite's write lock this cannot happen,
  // but the guard keeps the rule true on any database).
  if (moved.count !== 1)
    throw new AppError("CONFLICT", "Someone else has just changed this report. Reload to see its current state.");
}

export async function acknowledgeFeedback(db: Db, actor: Actor, input: AcknowledgeFeedbackInput, now = new Date()) {
  assertCan(actor, "feedback.triage", "triage reader feedback");
  const id = input.feedbackId;
  return db.$transaction(async (tx) => {
    const report = await loadReport(tx, id);
    if (!canTransition(report.status, "ACKNOWLEDGED")) refuseTransition(report.status, "ACKNOWLEDGED");
    await move(tx, id, report.status, { status: "ACKNOWLEDGED", triagedById: actor.id, triagedAt: now });
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
    await move(tx, feedbackId, report.status, {
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

export async function dismissFeedback(db: Db, actor: Actor, input: DismissFeedbackInput, now = new Date()) {
  assertCan(actor, "feedback.triage", "triage reader feedback");
  const { feedbackId, reason } = input;
  return db.$transaction(async (tx) => {
    const report = await loadReport(tx, feedbackId);
    if (!canTransition(report.status, "DISMISSED")) refuseTransition(report.status, "DISMISSED");
    await move(tx, feedbackId, report.status, {
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
