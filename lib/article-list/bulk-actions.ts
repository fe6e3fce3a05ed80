// Bulk actions from the content list, limited to the ones that are safe to repeat over many articles:
// assigning one reviewer and setting the medical re-review date. Each article is its own transaction with
// its own audit event, so one refusal (e.g. the reviewer wrote that article) does not undo the others, and
// the result says which were done and why the rest were not.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError, isAppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { createAssignments } from "../assignments/assign-reviewers";

const articleIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))])
  .pipe(z.array(z.string()).min(1, "Tick at least one article.").max(200, "Choose at most 200 articles at once."));

export const bulkActionSchema = z.discriminatedUnion("bulk", [
  z.object({
    bulk: z.literal("assign"),
    articleIds,
    reviewerId: z.string({ error: "Choose a reviewer." }).min(1, "Choose a reviewer."),
  }),
  z.object({
    bulk: z.literal("rereview"),
    articleIds,
    reviewDueOn: z
      .string({ error: "Choose the re-review date." })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the re-review date.")
      .transform((s) => new Date(`${s}T00:00:00Z`))
      .refine((d) => !Number.isNaN(d.getTime()) && d.getTime() > Date.now(), "Choose a date in the future."),
  }),
]);
export type BulkActionInput = z.output<typeof bulkActionSchema>;

export interface BulkResult {
  done: number;
  skipped: Array<{ articleId: string; reason: string }>;
}

export async function runBulkAction(db: Db, actor: Actor, input: BulkActionInput): Promise<BulkResult> {
  assertCan(actor, input.bulk === "assign" ? "review.assign" : "article.publish", "do this to several articles");
  const result: BulkResult = { done: 0, skipped: [] };
  for (const articleId of input.articleIds) {
    try {
      await db.$transaction(async (tx) => {
        if (input.bulk === "assign") {
          await createAssignments(tx, { articleId, reviewerIds: [input.reviewerId], assignedById: actor.id });
          return;
        }
        const article = await tx.article.findUnique({
          where: { id: articleId },
          select: { liveRevisionId: true, reviewDueAt: true },
        });
        if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
        if (!article.liveRevisionId) throw new AppError("CONFLICT", "It is not live, so it has no re-review date.");
        await tx.article.update({ where: { id: articleId }, data: { reviewDueAt: input.reviewDueOn } });
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: "article.review_due_changed",
          entityType: "Article",
          entityId: articleId,
          data: { from: article.reviewDueAt?.toISOString() ?? null, to: input.reviewDueOn.toISOString() },
        });
      });
      result.done++;
    } catch (err) {
      if (!isAppError(err)) throw err;
      result.skipped.push({ articleId, reason: err.message });
    }
  }
  return result;
}
