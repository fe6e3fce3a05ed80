// The article's writers, editors and reviewers answer a review comment; the thread's people are notified. Audited.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { loadArticleAccess } from "../articles/article-access";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotifications } from "../notifications/queue-notification";
import { reviewPath } from "../workflow/links";
import { reviewCommentBody } from "./review-comment-text";

export const replyToReviewCommentSchema = z.object({ commentId: z.string().min(1), body: reviewCommentBody });
export type ReplyToReviewCommentInput = z.output<typeof replyToReviewCommentSchema>;

export async function replyToReviewComment(db: Db, actor: Actor, input: ReplyToReviewCommentInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const parent = await tx.reviewComment.findUnique({
      where: { id: data.commentId },
      include: { revision: { select: { title: true } } },
    });
    if (!parent) throw new AppError("NOT_FOUND", "That comment does not exist.");
    const root = parent.parentId
      ? await tx.reviewComment.findUniqueOrThrow({ where: { id: parent.parentId } })
      : parent;
    if (!(await loadArticleAccess(tx, actor, root.articleId)).onComment(root).reply) {
      throw new AppError("FORBIDDEN", "Only the article's writers, editors and reviewers can answer review comments.");
    }
    const reply = await tx.reviewComment.create({
      data: {
        articleId: root.articleId,
        revisionId: root.revisionId,
        authorId: actor.id,
        parentId: root.id,
        body: data.body,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "review.comment_replied",
      entityType: "Article",
      entityId: root.articleId,
      data: { commentId: reply.id, parentId: root.id },
    });
    const thread = await tx.reviewComment.findMany({
      where: { OR: [{ id: root.id }, { parentId: root.id }] },
      select: { authorId: true },
    });
    const authors = await tx.articleAuthor.findMany({ where: { articleId: root.articleId }, select: { userId: true } });
    await queueNotifications(
      tx,
      [...thread.map((c) => c.authorId), ...authors.map((a) => a.userId)],
      {
        kind: "COMMENT",
        title: `New reply on “${parent.revision.title}”`,
        body: `${actor.name}: ${data.body.slice(0, 300)}`,
        link: reviewPath(root.articleId, root.id),
      },
      actor.id,
    );
    return reply;
  });
}
