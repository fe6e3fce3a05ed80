// Keeps the search index equal to what readers can see. Called inside every transaction that changes an
// article's live revision (publish now, scheduled publish, unpublish, archive), so the index commits or rolls
// back with the change itself: a draft's words are never indexed, and a taken-down article is gone at once.
import type { Db, DbTx } from "../db/client";
import { dialectFor } from "../db/dialects/dialect";
import { buildSearchDocument } from "./search-document";
import { toReaderLocale } from "../i18n/locales";

const REVISION_FIELDS = {
  id: true,
  articleId: true,
  title: true,
  summary: true,
  conditionName: true,
  alternativeNames: true,
  bodyJson: true,
} as const;

export async function syncArticleSearch(tx: DbTx, articleId: string): Promise<void> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { locale: true, liveRevision: { select: REVISION_FIELDS } },
  });
  const index = dialectFor(tx).siteSearch;
  if (!article?.liveRevision) return index.removeArticle(tx, articleId);
  await index.indexArticle(tx, buildSearchDocument(article.liveRevision, toReaderLocale(article.locale)));
}

/**
 * Rebuilds the whole index from the live revisions (npm run search:reindex). One transaction per batch.
 */
export async function rebuildSearchIndex(
  db: Db,
  batchSize = 200,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<number> {
  const ids = await db.article.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  let indexed = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    await db.$transaction(async (tx) => {
      for (const { id } of batch) await syncArticleSearch(tx, id);
    });
    indexed += batch.length;
    await onProgress?.(indexed, ids.length);
  }
  return indexed;
}
