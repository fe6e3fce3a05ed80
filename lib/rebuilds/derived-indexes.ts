// The derived data the rebuild jobs know how to bring back: how far each index is from complete (`gap`), and
// how to complete it (`rebuild`, resumable: it only adds what is missing, in batches, reporting progress).
import type { Db } from "../db/client";
import { plagiarismIndexCoverage } from "../plagiarism/index-coverage";
import { recheckIncompleteReports } from "../plagiarism/recheck-incomplete-reports";
import { indexMissingSources } from "../plagiarism/reindex";
import { rebuildSearchIndex } from "../search/sync-article-search";
import type { RebuildKind } from "./rebuild-jobs";

export type Progress = (done: number, total: number) => Promise<void>;

export interface DerivedIndex {
  kind: RebuildKind;
  /** What one unit of progress is, for the log and the dashboard. */
  unit: string;
  gap(db: Db): Promise<{ missing: number; total: number }>;
  rebuild(db: Db, progress: Progress): Promise<string>;
}

export const DERIVED_INDEXES: Record<RebuildKind, DerivedIndex> = {
  PLAGIARISM_INDEX: {
    kind: "PLAGIARISM_INDEX",
    unit: "sources",
    async gap(db) {
      const c = await plagiarismIndexCoverage(db);
      return { missing: c.total - c.indexed, total: c.total };
    },
    async rebuild(db, progress) {
      const added = await indexMissingSources(db, progress);
      const rechecked = await recheckIncompleteReports(db);
      return `${added.revisions} revisions and ${added.corpus} corpus documents indexed; ${rechecked} checks made during the rebuild run again`;
    },
  },
  SEARCH_INDEX: {
    kind: "SEARCH_INDEX",
    unit: "articles",
    async gap(db) {
      const [live, indexed] = await Promise.all([
        db.article.count({ where: { liveRevisionId: { not: null } } }),
        db.searchEntry.count(),
      ]);
      return { missing: Math.abs(live - indexed), total: live };
    },
    async rebuild(db, progress) {
      const articles = await rebuildSearchIndex(db, 200, progress);
      return `${articles} articles brought up to date`;
    },
  },
};
