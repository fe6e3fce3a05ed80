// Brings the index up to date with the database: every revision and corpus document that is not indexed
// yet gets indexed (e.g. revisions frozen by a seed or an import before checks ran, or a database restored
// from a backup that did not include the Fingerprint table). Sources already indexed are left alone.
import type { Db } from "../db/client";
import { revisionCheckableText } from "./check-revision";
import { indexNewSources } from "./fingerprint-index";
import { tuneForIndex } from "./tune-connection";

const BATCH = 100;

export async function indexMissingSources(
  db: Db,
  onProgress?: (done: number, total: number) => void,
): Promise<{ revisions: number; corpus: number }> {
  await tuneForIndex(db);
  const indexed = await db.fingerprintSource.findMany({ select: { kind: true, sourceId: true } });
  const have = new Set(indexed.map((s) => `${s.kind}:${s.sourceId}`));
  const revisionIds = (await db.revision.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } }))
    .map((r) => r.id)
    .filter((id) => !have.has(`REVISION:${id}`));
  const corpusIds = (await db.corpusDocument.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } }))
    .map((d) => d.id)
    .filter((id) => !have.has(`CORPUS:${id}`));
  const total = revisionIds.length + corpusIds.length;
  let done = 0;
  for (let i = 0; i < revisionIds.length; i += BATCH) {
    const revs = await db.revision.findMany({
      where: { id: { in: revisionIds.slice(i, i + BATCH) } },
      select: { id: true, articleId: true, title: true, summary: true, bodyJson: true },
    });
    await db.$transaction(
      (tx) =>
        indexNewSources(
          tx,
          revs.map((r) => ({
            kind: "REVISION" as const,
            sourceId: r.id,
            articleId: r.articleId,
            text: revisionCheckableText(r),
          })),
        ),
      { timeout: 120_000 },
    );
    done += revs.length;
    onProgress?.(done, total);
  }
  for (let i = 0; i < corpusIds.length; i += BATCH) {
    const docs = await db.corpusDocument.findMany({
      where: { id: { in: corpusIds.slice(i, i + BATCH) } },
      select: { id: true, text: true },
    });
    await db.$transaction(
      (tx) =>
        indexNewSources(
          tx,
          docs.map((d) => ({ kind: "CORPUS" as const, sourceId: d.id, text: d.text })),
        ),
      { timeout: 120_000 },
    );
    done += docs.length;
    onProgress?.(done, total);
  }
  return { revisions: revisionIds.length, corpus: corpusIds.length };
}

/**
 * Cheap completeness test (two counts) before a check: revisions frozen by a path that did not run the
 * checks (the demo seed, a data import) join the index the first time anything is checked afterwards.
 */
export async function ensureIndexComplete(db: Db): Promise<void> {
  const [revisions, corpus, sources] = await Promise.all([
    db.revision.count(),
    db.corpusDocument.count(),
    db.fingerprintSource.groupBy({ by: ["kind"], _count: { _all: true } }),
  ]);
  const indexed = (kind: string) => sources.find((s) => s.kind === kind)?._count._all ?? 0;
  if (indexed("REVISION") < revisions || indexed("CORPUS") < corpus) await indexMissingSources(db);
}
