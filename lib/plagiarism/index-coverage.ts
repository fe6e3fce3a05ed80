// How much of what the plagiarism index should hold it holds: every frozen revision and every corpus document
// is a source. A check against an index that misses sources would silently match against part of the
// record, so each report stores the coverage it ran with (check-revision.ts) and the gate refuses an
// incomplete one (lib/gate/evaluate-gate.ts).
import type { DbTx } from "../db/client";

export interface IndexCoverage {
  indexed: number;
  total: number;
  complete: boolean;
}

export async function plagiarismIndexCoverage(db: DbTx): Promise<IndexCoverage> {
  const [revisions, corpus, sources] = await Promise.all([
    db.revision.count(),
    db.corpusDocument.count(),
    db.fingerprintSource.groupBy({ by: ["kind"], _count: { _all: true } }),
  ]);
  const of = (kind: string) => sources.find((s) => s.kind === kind)?._count._all ?? 0;
  // Per kind, so that stale sources of one kind never stand in for missing ones of the other.
  const indexed = Math.min(of("REVISION"), revisions) + Math.min(of("CORPUS"), corpus);
  const total = revisions + corpus;
  return { indexed, total, complete: indexed >= total };
}

/** What a stored report says about the index it ran against (reports from before this was recorded: complete). */
export function reportIndexCoverage(parameters: Record<string, unknown>): IndexCoverage {
  const indexed = Number(parameters.indexedSources ?? 0);
  const total = Number(parameters.totalSources ?? 0);
  return { indexed, total, complete: parameters.indexComplete !== false };
}
