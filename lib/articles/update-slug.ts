import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertCanEditArticle } from "./article-access";
import { slugSchema } from "./slug";

export async function updateSlug(db: Db, actor: Actor | null | undefined, articleId: string, rawSlug: unknown) {
  const slug = parseInput(slugSchema, rawSlug, "Please correct the slug.");
  return db.$transaction(async (tx) => {
    const article = await assertCanEditArticle(tx, actor, articleId);
    if (article.slug === slug) return article;
    if (article.firstPublishedAt) {
      throw new AppError("CONFLICT", "This article has been published; its address can no longer change.", {
        fieldErrors: { slug: ["Published articles keep their address."] },
      });
    }
    const clash = await tx.article.findUnique({ where: { slug }, select: { id: true } });
    if (clash)
      throw new AppError("CONFLICT", "That slug is already used by another article.", {
        fieldErrors: { slug: ["That slug is already used by another article."] },
      });
    const updated = await tx.article.update({ where: { id: articleId }, data: { slug } });
    await recordAuditEvent(tx, {
      actorId: actor!.id,
      action: "article.slug_changed",
      entityType: "Article",
      entityId: articleId,
      data: { from: article.slug, to: slug },
    });
    return updated;
  });
}
