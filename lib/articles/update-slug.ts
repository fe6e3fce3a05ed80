import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertCanEditArticle } from "./article-access";
import { slugSchema } from "./slug";

export const updateSlugSchema = z.object({ articleId: z.string().min(1), slug: slugSchema });
export type UpdateSlugInput = z.output<typeof updateSlugSchema>;

export async function updateSlug(db: Db, actor: Actor, input: UpdateSlugInput) {
  const { articleId, slug } = input;
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
      actorId: actor.id,
      action: "article.slug_changed",
      entityType: "Article",
      entityId: articleId,
      data: { from: article.slug, to: slug },
    });
    return updated;
  });
}
