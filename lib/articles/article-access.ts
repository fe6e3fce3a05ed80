// What a person may do with one article and with each review comment on it: the one place that combines the
// role policy (can) with the article-specific facts (is this person one of its writers? did they write the
// comment?). Server functions assert with it, pages read its flags, so a button is shown exactly when the
// server would accept the click.
//   edit:    article.edit.any (editors), or article.edit.own and a writer of this article.
//   read:    anyone who may edit, or article.read.any (reviewers, admins).
//   comment: start review comments (review.comment).
//   answer:  answer review comments as the article's side: comment.reply and (editor, or one of its writers).
//   per comment: reply = comment or answer; resolve = the comment's author, or answer.
// Archived articles are read-only for everyone: an editor restores one first (assertCanEditArticle).
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { permissionsOf, type Actor, type Permission } from "../auth/policy";

export interface ArticleMay {
  read: boolean;
  edit: boolean;
  comment: boolean;
  answer: boolean;
}

export interface CommentMay {
  reply: boolean;
  resolve: boolean;
}

export interface ArticleAccess {
  isAuthor: boolean;
  may: ArticleMay;
  /** What the person may do with one review comment (thread) on this article. */
  onComment(comment: { authorId: string }): CommentMay;
}

/** The edit rule on its own, for callers that already hold the permissions (the workflow state machine). */
export function mayEditWith(perms: ReadonlySet<Permission>, isAuthor: boolean): boolean {
  return perms.has("article.edit.any") || (perms.has("article.edit.own") && isAuthor);
}

/** Pure: the flags for an actor, given whether they are one of the article's writers. */
export function articleAccess(actor: Actor | null | undefined, facts: { isAuthor: boolean }): ArticleAccess {
  const perms = permissionsOf(actor);
  const isAuthor = !!actor && facts.isAuthor;
  const edit = mayEditWith(perms, isAuthor);
  const comment = perms.has("review.comment");
  const answer = perms.has("comment.reply") && (perms.has("article.edit.any") || isAuthor);
  const may: ArticleMay = { read: edit || perms.has("article.read.any"), edit, comment, answer };
  return {
    isAuthor,
    may,
    onComment: (c) => ({
      reply: comment || answer,
      resolve: answer || (actor?.status === "ACTIVE" && c.authorId === actor.id),
    }),
  };
}

export async function isArticleAuthor(db: DbTx, articleId: string, userId: string): Promise<boolean> {
  const row = await db.articleAuthor.findUnique({
    where: { articleId_userId: { articleId, userId } },
    select: { userId: true },
  });
  return row !== null;
}

/** The flags for an actor and an article, reading whether they are one of its writers (one indexed lookup). */
export async function loadArticleAccess(
  db: DbTx,
  actor: Actor | null | undefined,
  articleId: string,
): Promise<ArticleAccess> {
  const isAuthor = actor ? await isArticleAuthor(db, articleId, actor.id) : false;
  return articleAccess(actor, { isAuthor });
}

/** Loads the article and throws NOT_FOUND / FORBIDDEN unless the actor may edit its working copy. */
export async function assertCanEditArticle(db: DbTx, actor: Actor | null | undefined, articleId: string) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, status: true, slug: true, firstPublishedAt: true },
  });
  if (!article) throw new AppError("NOT_FOUND", "This article does not exist.");
  if (!(await loadArticleAccess(db, actor, articleId)).may.edit) {
    throw new AppError("FORBIDDEN", "Only this article's writers and editors may change it.");
  }
  if (article.status === "ARCHIVED")
    throw new AppError("FORBIDDEN", "This article is archived and read-only; an editor can restore it.");
  return article;
}

/** Throws NOT_FOUND (never revealing that the article exists) unless the actor may read it. */
export async function assertCanReadArticle(db: DbTx, actor: Actor | null | undefined, articleId: string) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, status: true } });
  if (!article || !(await loadArticleAccess(db, actor, articleId)).may.read)
    throw new AppError("NOT_FOUND", "This article does not exist or you may not see it.");
  return article;
}
