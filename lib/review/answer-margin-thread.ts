// The writer answers or resolves a review thread from the editor's margin: the comment must be on the article
// whose address was used; reply-to-review-comment.ts and resolve-review-comment.ts check who may and write the
// change with its audit event in one transaction.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { replyToReviewComment, replyToReviewCommentSchema } from "./reply-to-review-comment";
import { resolveReviewComment } from "./resolve-review-comment";

export const answerMarginThreadSchema = z.discriminatedUnion("action", [
  replyToReviewCommentSchema.extend({ action: z.literal("reply"), articleId: z.string().min(1) }),
  z.object({ action: z.literal("resolve"), commentId: z.string().min(1), articleId: z.string().min(1) }),
]);
export type AnswerMarginThreadInput = z.output<typeof answerMarginThreadSchema>;

export async function answerMarginThread(db: Db, actor: Actor, input: AnswerMarginThreadInput) {
  const comment = await db.reviewComment.findUnique({ where: { id: input.commentId }, select: { articleId: true } });
  if (!comment || comment.articleId !== input.articleId)
    throw new AppError("NOT_FOUND", "That comment does not exist on this article.");
  if (input.action === "reply")
    return { replyId: (await replyToReviewComment(db, actor, { commentId: input.commentId, body: input.body })).id };
  await resolveReviewComment(db, actor, { commentId: input.commentId, resolved: true });
  return { resolved: true };
}
