// A reviewer starts a comment thread on the revision in review, anchored to one of its blocks. Audited.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { can, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { parseDocument } from "../content/document-schema";
import { reviewCommentBody } from "./review-comment-text";

export const addReviewCommentSchema = z.object({
  articleId: z.string().min(1),
  revisionId: z.string().min(1),
  blockIndex: z.preprocess((v) => (v === "" ? null : v), z.coerce.number().int().min(0).nullable().optional()),
  quote: z.string().max(300).optional(),
  body: reviewCommentBody,
});
export type AddReviewCommentInput = z.output<typeof addReviewCommentSchema>;

export async function addReviewComment(db: Db, actor: Actor, input: AddReviewCommentInput) {
  if (!can(actor, "review.comment"))
    throw new AppError("FORBIDDEN", "Only medical reviewers can start review comments.");
  const data = input;
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: data.articleId },
      select: { status: true, currentRevisionId: true, authors: { select: { userId: true } } },
    });
    if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
    if (article.status !== "IN_REVIEW" || article.currentRevisionId !== data.revisionId) {
      throw new AppError("INVALID_TRANSITION", "Comments can be added only to the revision that is in review.");
    }
    const revision = await tx.revision.findUniqueOrThrow({
      where: { id: data.revisionId },
      select: { bodyJson: true, title: true },
    });
    const blocks = parseDocument(revision.bodyJson).content.length;
    const blockIndex = data.blockIndex ?? null;
    if (blockIndex !== null && blockIndex >= blocks)
      throw new AppError("VALIDATION", "That paragraph does not exist in this revision.", {
        fieldErrors: { blockIndex: ["Choose a paragraph of the article."] },
      });
    const comment = await tx.reviewComment.create({
      data: {
        articleId: data.articleId,
        revisionId: data.revisionId,
        authorId: actor.id,
        blockIndex,
        quote: (data.quote ?? "").slice(0, 300),
        body: data.body,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "review.comment_added",
      entityType: "Article",
      entityId: data.articleId,
      data: { commentId: comment.id, revisionId: data.revisionId, blockIndex },
    });
    return comment;
  });
}
