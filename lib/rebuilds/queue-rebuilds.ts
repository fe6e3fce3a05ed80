// Queues a rebuild job for each derived index that is short of what the database says it should hold (after
// the migrations of an upgrade, a restore, a bulk import). Run by db:deploy's after-migration steps and by the
// server at start; it only counts when nothing is missing, and never queues a kind twice.
import type { Db } from "../db/client";
import { DERIVED_INDEXES } from "./derived-indexes";
import { queueRebuild, REBUILD_KINDS, type RebuildKind } from "./rebuild-jobs";

export interface NeededRebuild {
  kind: RebuildKind;
  missing: number;
  total: number;
  unit: string;
  /** The queued (or already open) job; absent in a dry run. */
  jobId?: string;
}

export async function queueNeededRebuilds(db: Db, options: { dryRun?: boolean } = {}): Promise<NeededRebuild[]> {
  const needed: NeededRebuild[] = [];
  for (const kind of REBUILD_KINDS) {
    const index = DERIVED_INDEXES[kind];
    const { missing, total } = await index.gap(db);
    if (missing === 0) continue;
    const entry: NeededRebuild = { kind, missing, total, unit: index.unit };
    if (!options.dryRun) {
      const job = await queueRebuild(db, kind, `${missing} of ${total} ${index.unit} not indexed`, total);
      entry.jobId = job.id;
    }
    needed.push(entry);
  }
  return needed;
}
