// Brings the index up to date with the database: every revision and corpus document that is not indexed
// yet gets indexed (e.g. revisions frozen by a seed or an import before checks ran, or a database restored
// from a backup that did not include the Fingerprint table). Sources already indexed are left alone.
import type { Db, DbTx } from "../db/client";
import { revisionCheckableText } from "./check-revision";
import { indexNewSources, type SourceKind } from "./fingerprint-index";
import { tuneForIndex } from "./tune-connection";

const BATCH = 100;

export interface IndexMissingOptions {
  /** Sources per transaction (default 100). */
  batchSize?: number;
  /** Stop between batches once Date.now() passes this; `complete` then says false. */
  deadline?: number;
}

export async function indexMissingSources(
  db: Db,
  onProgress?: (done: number, total: number) => void | Promise<void>,
  options: IndexMissingOptions = {},
): Promise<{ revisions: number; corpus: number; complete: boolean }> {
  await tuneForIndex(db);
  const batchSize = options.batchSize ?? BATCH;
  const indexed = await db.fingerprintSource.findMany({ select: { kind: true, sourceId: true } });
  const have = new Set(indexed.map((s) => `${s.kind}:${s.sourceId}`));
  const revisionIds = (await db.revision.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } }))
    .map((r) => r.id)
    .filter((id) => !have.has(`REVISION:${id}`));
  const corpusIds = (await db.corpusDocument.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } }))
    .map((d) => d.id)
    .filter((id) => !have.has(`CORPUS:${id}`));
  const total = revisionIds.length + corpusIds.length;
  const added = { revisions: 0, corpus: 0 };
  const outOfTime = () => options.deadline !== undefined && Date.now() > options.deadline;
  for (let i = 0; i < revisionIds.length; i += batchSize) {
    if (outOfTime()) return { ...added, complete: false };
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
    if (outOfTime()) return { ...added, complete: false };
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
