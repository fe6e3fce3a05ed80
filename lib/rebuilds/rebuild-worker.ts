// The rebuild worker of one app process: at start it queues what is missing (queue-rebuilds.ts) and runs the
// jobs; afterwards it looks for queued jobs every REBUILD_TICK_SECONDS (default 60; a bulk import from the
// command line queues one) and whenever this process queues one (wakeRebuildWorker). Several processes may all
// run it: each job is claimed by one of them.
import type { Db } from "../db/client";
import { queueNeededRebuilds } from "./queue-rebuilds";
import { runRebuildJobs } from "./run-rebuild-jobs";

const g = globalThis as unknown as { __imprimaturRebuilds?: { timer: ReturnType<typeof setInterval>; wake(): void } };

export function startRebuildWorker(db: Db): void {
  if (g.__imprimaturRebuilds || process.env.REBUILDS === "off") return;
  let running: Promise<void> | null = null;
  let again = false;
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = runRebuildJobs(db)
      .then(() => undefined)
      .catch((err) => console.error("[rebuild] run failed", err))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const seconds = Math.max(5, Number(process.env.REBUILD_TICK_SECONDS) || 60);
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  g.__imprimaturRebuilds = { timer, wake: tick };
  void queueNeededRebuilds(db)
    .then((queued) => {
      for (const q of queued) console.log(`[rebuild] queued ${q.kind}: ${q.missing} of ${q.total} ${q.unit} missing`);
    })
    .catch((err) => console.error("[rebuild] could not check the derived indexes", err))
    .finally(tick);
}

/** Runs queued jobs now in this process (when it runs a worker), e.g. after a check queued one. */
export function wakeRebuildWorker(): void {
  g.__imprimaturRebuilds?.wake();
}
