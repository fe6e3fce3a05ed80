// Brings the index up to date with the database: every revision and corpus document that is not indexed
// yet gets indexed (e.g. revisions frozen by a seed or an import before checks ran, or a database restored
// from a backup that did not include the Fingerprint table). Sources already indexed are left alone.
import type { Db, DbTx } from "../db/client";
import { revisionCheckableText } from "./check-revision";
import { indexNewSources, type SourceKind } from "./fingerprint-index";
import { dialectFor } from "../db/dialects/dialect";

const BATCH = 100;

export interface IndexMissingOptions {
  /** Sources per transaction (default 100). */
  batchSize?: number;
  /** Index nothing when the missing sources hold more words than this (`complete` then says false). */
  maxWords?: number;
}

export async function indexMissingSources(
  db: Db,
  onProgress?: (done: number, total: number) => void | Promise<void>,
  options: IndexMissingOptions = {},
): Promise<{ revisions: number; corpus: number; complete: boolean }> {
  await dialectFor(db).tuneForLargeIndexes(db);
  const batchSize = options.batchSize ?? BATCH;
  const indexed = await db.fingerprintSource.findMany({ select: { kind: true, sourceId: true } });
  const have = new Set(indexed.map((s) => `${s.kind}:${s.sourceId}`));
  const select = { id: true, wordCount: true } as const;
  const revisions = (await db.revision.findMany({ select, orderBy: { createdAt: "asc" } })).filter(
    (r) => !have.has(`REVISION:${r.id}`),
  );
  const documents = (await db.corpusDocument.findMany({ select, orderBy: { createdAt: "asc" } })).filter(
    (d) => !have.has(`CORPUS:${d.id}`),
  );
  const added = { revisions: 0, corpus: 0 };
  if (options.maxWords !== undefined) {
    const words = [...revisions, ...documents].reduce((sum, s) => sum + s.wordCount, 0);
    if (words > options.maxWords) return { ...added, complete: false };
  }
  const revisionIds = revisions.map((r) => r.id);
  const corpusIds = documents.map((d) => d.id);
  const total = revisionIds.length + corpusIds.length;
  for (let i = 0; i < revisionIds.length; i += batchSize) {
    const revs = await db.revision.findMany({
      where: { id: { in: revisionIds.slice(i, i + batchSize) } },
      select: { id: true, articleId: true, title: true, summary: true, bodyJson: true },
    });
    await db.$transaction(
      async (tx) =>
        indexNewSources(
          tx,
          (await notIndexedYet(tx, "REVISION", revs)).map((r) => ({
            kind: "REVISION" as const,
            sourceId: r.id,
            articleId: r.articleId,
            text: revisionCheckableText(r),
          })),
        ),
      { timeout: 120_000 },
    );
    added.revisions += revs.length;
    await onProgress?.(added.revisions, total);
  }
  for (let i = 0; i < corpusIds.length; i += batchSize) {
    const docs = await db.corpusDocument.findMany({
      where: { id: { in: corpusIds.slice(i, i + batchSize) } },
      select: { id: true, text: true },
    });
    await db.$transaction(
      async (tx) =>
        indexNewSources(
          tx,
          (await notIndexedYet(tx, "CORPUS", docs)).map((d) => ({
            kind: "CORPUS" as const,
            sourceId: d.id,
            text: d.text,
          })),
        ),
      { timeout: 120_000 },
    );
    added.corpus += docs.length;
    await onProgress?.(added.revisions + added.corpus, total);
  }
  return { ...added, complete: true };
}

/**
 * The batch minus sources indexed meanwhile (a check indexes its own revision; another process may be
 * rebuilding too). Read inside the batch's write-locked transaction, so two writers never insert one source.
 */
async function notIndexedYet<T extends { id: string }>(tx: DbTx, kind: SourceKind, batch: T[]): Promise<T[]> {
  const indexed = await tx.fingerprintSource.findMany({
    where: { kind, sourceId: { in: batch.map((b) => b.id) } },
    select: { sourceId: true },
  });
  const have = new Set(indexed.map((s) => s.sourceId));
  return batch.filter((b) => !have.has(b.id));
}
