// Who may edit or read an article in the studio. The role part comes from the policy (can); the article part
// (is this person one of its writers?) is decided here against the database.
//   edit: article.edit.any (editors), or article.edit.own and an ArticleAuthor row for the actor.
//   read: anyone who may edit, or article.read.any (reviewers, admins).
// Archived articles are read-only for everyone: an editor restores one first.
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { can, type Actor } from "../auth/policy";

export async function isArticleAuthor(db: DbTx, articleId: string, userId: string): Promise<boolean> {
  return (
    (await db.articleAuthor.findUnique({
      where: { articleId_userId: { articleId, userId } },
      select: { userId: true },
    })) !== null
  );
}

export async function canEditArticle(db: DbTx, actor: Actor | null | undefined, articleId: string): Promise<boolean> {
  if (!actor) return false;
  if (can(actor, "article.edit.any")) return true;
  return can(actor, "article.edit.own") && (await isArticleAuthor(db, articleId, actor.id));
}

export async function canReadArticle(db: DbTx, actor: Actor | null | undefined, articleId: string): Promise<boolean> {
  if (!actor) return false;
  if (can(actor, "article.read.any")) return true;
  return canEditArticle(db, actor, articleId);
}

/** Loads the article and throws NOT_FOUND / FORBIDDEN unless the actor may edit its working copy. */
export async function assertCanEditArticle(db: DbTx, actor: Actor | null | undefined, articleId: string) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, status: true, slug: true, firstPublishedAt: true },
  });
  if (!article) throw new AppError("NOT_FOUND", "This article does not exist.");
  if (!(await canEditArticle(db, actor, articleId))) {
    throw new AppError("FORBIDDEN", "Only this article's writers and editors may change it.");
  }
  if (article.status === "ARCHIVED")
    throw new AppError("FORBIDDEN", "This article is archived and read-only; an editor can restore it.");
  return article;
}

export async function assertCanReadArticle(db: DbTx, actor: Actor | null | undefined, articleId: string) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, status: true } });
  if (!article || !(await canReadArticle(db, actor, articleId)))
    throw new AppError("NOT_FOUND", "This article does not exist or you may not see it.");
  return article;
}
