// Review comments anchored to a top-level block of a frozen revision. Reviewers comment while the revision
// is in review; the writers (and editors) answer and resolve them. Threads are one level deep (replies point
// at the root comment), which is all a review conversation needs.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import { can, type Actor } from "../auth/policy";
import { formFlag } from "../validation";
import { loadArticleAccess } from "../articles/article-access";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotifications } from "../notifications/queue-notification";
import { parseDocument } from "../content/document-schema";
import { reviewPath } from "../workflow/links";

const body = z
  .string({ error: "Write the comment." })
  .trim()
  .min(1, "Write the comment.")
  .max(5000, "Keep the comment under 5000 characters.");

export const addReviewCommentSchema = z.object({
  articleId: z.string().min(1),
  revisionId: z.string().min(1),
  blockIndex: z.preprocess((v) => (v === "" ? null : v), z.coerce.number().int().min(0).nullable().optional()),
  quote: z.string().max(300).optional(),
  body,
});
export type AddReviewCommentInput = z.output<typeof addReviewCommentSchema>;
export const replyToReviewCommentSchema = z.object({ commentId: z.string().min(1), body });
export type ReplyToReviewCommentInput = z.output<typeof replyToReviewCommentSchema>;
export const resolveReviewCommentSchema = z.object({ commentId: z.string().min(1), resolved: formFlag.optional() });
export type ResolveReviewCommentInput = z.output<typeof resolveReviewCommentSchema>;

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

/** All threads of an article, newest revision first, replies in order. */
export async function listReviewComments(db: DbTx, articleId: string) {
  const rows = await db.reviewComment.findMany({
    where: { articleId },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true } }, revision: { select: { number: true } } },
  });
  const roots = rows.filter((r) => !r.parentId);
  return roots
    .map((r) => ({ ...r, replies: rows.filter((x) => x.parentId === r.id) }))
    .sort(
      (a, b) =>
        b.revision.number - a.revision.number ||
        (a.blockIndex ?? -1) - (b.blockIndex ?? -1) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
}
