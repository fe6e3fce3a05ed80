// Editors assign reviewers to an article's review (one or more), or remove an assignment; a reviewer may
// claim an article nobody is assigned to. Each change and its audit event commit together, with the
// assignee's notification (inbox + e-mail through the outbox).
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotifications } from "../notifications/queue-notification";
import { getSetting } from "../settings/settings";
import { reviewPath } from "../workflow/links";
import { eligibleReviewers } from "./eligible-reviewers";

const DAY = 86400_000;

export const assignReviewersSchema = z.object({
  articleId: z.string().min(1),
  reviewerIds: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).filter(Boolean))])
    .pipe(z.array(z.string()).min(1, "Choose at least one reviewer.").max(5, "Assign at most five reviewers.")),
});
export type AssignReviewersInput = z.output<typeof assignReviewersSchema>;

export const unassignReviewerSchema = z.object({ articleId: z.string().min(1), reviewerId: z.string().min(1) });
export type UnassignReviewerInput = z.output<typeof unassignReviewerSchema>;

export const claimReviewSchema = z.object({ articleId: z.string().min(1) });
export type ClaimReviewInput = z.output<typeof claimReviewSchema>;

async function reviewDueAt(tx: DbTx, now: Date): Promise<Date> {
  return new Date(now.getTime() + (await getSetting(tx, "review.dueDays")) * DAY);
}

/**
 * Creates the assignments inside a transaction (also used by the auto-assign rule on submission, with
 * `assignedById` null). Refuses anyone who is not eligible; an existing assignment is reopened.
 */
export async function createAssignments(
  tx: DbTx,
  args: { articleId: string; reviewerIds: readonly string[]; assignedById: string | null; now?: Date },
) {
  const now = args.now ?? new Date();
  const article = await tx.article.findUnique({
    where: { id: args.articleId },
    select: { id: true, status: true, draft: { select: { title: true } } },
  });
  if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
  const eligible = new Map((await eligibleReviewers(tx, article.id, now)).map((r) => [r.id, r]));
  const refused = args.reviewerIds.filter((id) => !eligible.has(id));
  if (refused.length)
    throw new AppError(
      "VALIDATION",
      "Only reviewers with a verified, unexpired credential in the article's language who did not write or edit it can be assigned.",
      { fieldErrors: { reviewerIds: ["Choose reviewers from the list of eligible reviewers."] } },
    );
  const dueAt = await reviewDueAt(tx, now);
  for (const reviewerId of args.reviewerIds) {
    await tx.reviewAssignment.upsert({
      where: { articleId_reviewerId: { articleId: article.id, reviewerId } },
      create: { articleId: article.id, reviewerId, assignedById: args.assignedById, dueAt, assignedAt: now },
      update: { assignedById: args.assignedById, dueAt, assignedAt: now, completedAt: null, remindedAt: null },
    });
  }
  await recordAuditEvent(tx, {
    actorId: args.assignedById,
    action: "review.assigned",
    entityType: "Article",
    entityId: article.id,
    data: { reviewerIds: args.reviewerIds, dueAt: dueAt.toISOString(), rule: args.assignedById ? null : "auto" },
  });
  const title = article.draft?.title ?? "an article";
  await queueNotifications(
    tx,
    [...args.reviewerIds],
    {
      kind: "REVIEW_ASSIGNED",
      title: `Assigned to you for review: “${title}”`,
      body: `Please decide by ${dueAt.toISOString().slice(0, 10)}.`,
      link: reviewPath(article.id),
    },
    args.assignedById,
  );
  return { articleId: article.id, dueAt };
}

export async function assignReviewers(db: Db, actor: Actor, input: AssignReviewersInput) {
  assertCan(actor, "review.assign", "assign reviewers");
  return db.$transaction((tx) =>
    createAssignments(tx, { articleId: input.articleId, reviewerIds: input.reviewerIds, assignedById: actor.id }),
  );
}

export async function unassignReviewer(db: Db, actor: Actor, input: UnassignReviewerInput) {
  assertCan(actor, "review.assign", "change review assignments");
  return db.$transaction(async (tx) => {
    const removed = await tx.reviewAssignment.deleteMany({
      where: { articleId: input.articleId, reviewerId: input.reviewerId, completedAt: null },
    });
    if (!removed.count) throw new AppError("NOT_FOUND", "That reviewer has no open assignment on this article.");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "review.unassigned",
      entityType: "Article",
      entityId: input.articleId,
      data: { reviewerId: input.reviewerId },
    });
  });
}

/** A reviewer takes an article nobody is assigned to (or that is already theirs: then nothing changes). */
export async function claimReview(db: Db, actor: Actor, input: ClaimReviewInput) {
  assertCan(actor, "review.queue", "claim a review");
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { status: true } });
    if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
    if (article.status !== "IN_REVIEW") throw new AppError("CONFLICT", "This article is not waiting for review.");
    const open = await tx.reviewAssignment.findMany({
      where: { articleId: input.articleId, completedAt: null },
      select: { reviewerId: true },
    });
    if (open.some((a) => a.reviewerId === actor.id)) return { claimed: false };
    if (open.length) throw new AppError("CONFLICT", "Someone is already assigned to this review.");
    await createAssignments(tx, { articleId: input.articleId, reviewerIds: [actor.id], assignedById: actor.id });
    return { claimed: true };
  });
}

/** When a reviewer decides, their assignment for the article is done (inside the decision's transaction). */
export async function completeAssignment(tx: DbTx, articleId: string, reviewerId: string, now = new Date()) {
  await tx.reviewAssignment.updateMany({
    where: { articleId, reviewerId, completedAt: null },
    data: { completedAt: now },
  });
}

/** On resubmission after changes were requested, the same reviewers are asked again with a new due date. */
export async function reopenAssignments(tx: DbTx, articleId: string, now = new Date()): Promise<string[]> {
  const previous = await tx.reviewAssignment.findMany({ where: { articleId }, select: { reviewerId: true } });
  if (!previous.length) return [];
  const dueAt = await reviewDueAt(tx, now);
  await tx.reviewAssignment.updateMany({
    where: { articleId },
    data: { completedAt: null, remindedAt: null, dueAt, assignedAt: now },
  });
  return previous.map((p) => p.reviewerId);
}
