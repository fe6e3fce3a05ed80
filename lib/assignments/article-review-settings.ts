// An article's review settings, set by editors: its clinical area (routes it to reviewers of that
// specialty) and how many independent approvals it needs (2 for high-risk content such as dosages).
// Raising the requirement on an article already approved with fewer approvals sends it back to review.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";

export const articleReviewSettingsSchema = z.object({
  articleId: z.string().min(1),
  clinicalAreaId: z
    .string()
    .optional()
    .transform((v) => v || null),
  requiredApprovals: z.coerce
    .number({ error: "Choose one or two approvals." })
    .int()
    .min(1, "Choose one or two approvals.")
    .max(2, "Choose one or two approvals."),
});
export type ArticleReviewSettingsInput = z.output<typeof articleReviewSettingsSchema>;

export async function updateArticleReviewSettings(db: Db, actor: Actor, input: ArticleReviewSettingsInput) {
  assertCan(actor, "review.assign", "change an article's review settings");
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { id: true, status: true, clinicalAreaId: true, requiredApprovals: true, currentRevisionId: true },
    });
    if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
    if (input.clinicalAreaId && !(await tx.specialty.findUnique({ where: { id: input.clinicalAreaId } })))
      throw new AppError("VALIDATION", "Choose a clinical area from the list.", {
        fieldErrors: { clinicalAreaId: ["Choose a clinical area from the list."] },
      });
    let status = article.status;
    if (
      article.status === "APPROVED" &&
      input.requiredApprovals > article.requiredApprovals &&
      article.currentRevisionId
    ) {
      const approvers = await tx.review.findMany({
        where: { revisionId: article.currentRevisionId, decision: "APPROVED", voidedAt: null },
        select: { reviewerId: true },
        distinct: ["reviewerId"],
      });
      if (approvers.length < input.requiredApprovals) status = "IN_REVIEW";
    }
    await tx.article.update({
      where: { id: article.id },
      data: { clinicalAreaId: input.clinicalAreaId, requiredApprovals: input.requiredApprovals, status },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.review_settings_changed",
      entityType: "Article",
      entityId: article.id,
      data: {
        clinicalAreaId: input.clinicalAreaId,
        requiredApprovals: input.requiredApprovals,
        previous: { clinicalAreaId: article.clinicalAreaId, requiredApprovals: article.requiredApprovals },
        ...(status !== article.status ? { from: article.status, to: status } : {}),
      },
    });
    return { status };
  });
}
