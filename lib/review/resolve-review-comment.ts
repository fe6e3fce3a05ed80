// A thread is resolved (or reopened) by the article's writers, editors or the comment's author. Audited.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { formFlag } from "../validation";
import { loadArticleAccess } from "../articles/article-access";
import { recordAuditEvent } from "../audit/record-event";

export const resolveReviewCommentSchema = z.object({ commentId: z.string().min(1), resolved: formFlag.optional() });
export type ResolveReviewCommentInput = z.output<typeof resolveReviewCommentSchema>;

export async function resolveReviewComment(db: Db, actor: Actor, input: ResolveReviewCommentInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const comment = await tx.reviewComment.findUnique({ where: { id: data.commentId } });
    if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist.");
    if (comment.parentId) throw new AppError("BAD_REQUEST", "Resolve the thread from its first comment.");
    if (!(await loadArticleAccess(tx, actor, comment.articleId)).onComment(comment).resolve) {
      throw new AppError("FORBIDDEN", "Only the article's writers, editors or the comment's author can resolve it.");
    }
    const updated = await tx.reviewComment.update({
      where: { id: comment.id },
      data:
        (data.resolved ?? true)
          ? { resolvedAt: new Date(), resolvedById: actor.id }
          : { resolvedAt: null, resolvedById: null },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: (data.resolved ?? true) ? "review.comment_resolved" : "review.comment_reopened",
      entityType: "Article",
      entityId: comment.articleId,
      data: { commentId: comment.id },
    });
    return updated;
  });
}
