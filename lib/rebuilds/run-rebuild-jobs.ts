// Runs queued rebuild jobs until none is left for this worker: claim one (atomically, see rebuild-jobs.ts),
// rebuild, store progress on the row as it goes (which also renews the claim) and log it, then mark it done.
import { hostname } from "node:os";
import type { Db } from "../db/client";
import { DERIVED_INDEXES } from "./derived-indexes";
import { describeProgress } from "./describe-progress";
import {
  claimRebuildJob,
  failExhaustedRebuilds,
  finishRebuildJob,
  REBUILD_LABELS,
  recordRebuildProgress,
  type RebuildKind,
} from "./rebuild-jobs";

export const DEFAULT_WORKER = `${hostname()}:${process.pid}`;
const LOG_EVERY_MS = 5_000;

export interface RebuildRunOptions {
  worker?: string;
  log?: (line: string) => void;
  now?: () => number;
}

/** Runs every runnable job; returns how many this worker finished. */
export async function runRebuildJobs(db: Db, options: RebuildRunOptions = {}): Promise<number> {
  const worker = options.worker ?? DEFAULT_WORKER;
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? Date.now;
  await failExhaustedRebuilds(db);
  let finished = 0;
  for (;;) {
    const job = await claimRebuildJob(db, worker);
    if (!job) return finished;
    const index = DERIVED_INDEXES[job.kind as RebuildKind];
    const label = REBUILD_LABELS[job.kind as RebuildKind] ?? job.kind;
    if (!index) {
      await finishRebuildJob(db, job.id, worker, `unknown rebuild kind ${job.kind}`);
      continue;
    }
    const started = now();
    let lastLog = 0;
    log(`[rebuild] ${label}: started (${job.reason || "queued"})`);
    try {
      const summary = await index.rebuild(db, async (done, total) => {
        if (!(await recordRebuildProgress(db, job.id, worker, done, total)))
          throw new Error("the job was taken over by another process");
        if (now() - lastLog >= LOG_EVERY_MS || done === total) {
          lastLog = now();
          log(`[rebuild] ${label}: ${describeProgress(done, total, index.unit, now() - started)}`);
        }
      });
      await finishRebuildJob(db, job.id, worker);
      log(`[rebuild] ${label}: complete in ${((now() - started) / 1000).toFixed(1)} s: ${summary}`);
      finished++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(`[rebuild] ${label}: stopped: ${message}`);
      if (/taken over/.test(message)) return finished; // the other process carries on with it
      await finishRebuildJob(db, job.id, worker, message);
    }
  }
}
