// Separation of duties: nobody approves an article they wrote or edited, in ANY review cycle
// (articleContributorIds: the article's authors plus everyone recorded on any of its revisions). A person who
// wrote last year's text has a stake in this year's, which keeps most of it.
import type { DbTx } from "../db/client";

/** Everyone who may not approve this article: its authors and whoever wrote or edited any of its revisions. */
export async function articleContributorIds(db: DbTx, articleId: string): Promise<string[]> {
  const [authors, contributors] = await Promise.all([
    db.articleAuthor.findMany({ where: { articleId }, select: { userId: true } }),
    db.revisionContributor.findMany({
      where: { revision: { articleId } },
      select: { userId: true },
      distinct: ["userId"],
    }),
  ]);
  return [...new Set([...authors, ...contributors].map((r) => r.userId))];
}

/** Whether a revision was ever submitted for review (rather than saved as a checkpoint by the editor). */
export async function wasSubmitted(db: DbTx, articleId: string, revisionId: string): Promise<boolean> {
  const n = await db.auditEvent.count({
    where: {
      entityType: "Article",
      entityId: articleId,
      action: "article.submitted",
      dataJson: { contains: `"revisionId":"${revisionId}"` },
    },
  });
  return n > 0;
}
