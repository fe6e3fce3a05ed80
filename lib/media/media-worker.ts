// The worker that makes image variants, started with the app (instrumentation.ts). It looks for jobs every
// MEDIA_TICK_SECONDS (default 5) and at once when an upload calls wakeMediaWorker(); jobs are claimed in the
// database (media-jobs.ts), so several app processes can run workers side by side and a restart picks up
// what was left. The decoding and encoding happen in a separate small process (variant-maker.ts) with one
// libvips thread and its cache off: a 12-megapixel photo costs that process well under 300 MB, and the web
// server none of it (npm run bench:media).
import { db } from "../db/client";
import { drainMediaJobs } from "./media-jobs";
import { mediaStorage } from "./open-storage";
import { mediaStoreConfig } from "./storage-config";
import { VariantProcess, type VariantMaker } from "./variant-maker";

const g = globalThis as unknown as {
  __imprimaturMediaWorker?: {
    timer: ReturnType<typeof setInterval>;
    busy: boolean;
    again: boolean;
    make?: VariantMaker;
  };
};

async function runOnce(): Promise<void> {
  const state = g.__imprimaturMediaWorker;
  if (!state) return;
  if (state.busy) {
    state.again = true;
    return;
  }
  state.busy = true;
  try {
    do {
      state.again = false;
      await drainMediaJobs(db, await mediaStorage(), { make: state.make });
    } while (state.again);
  } catch (err) {
    console.error("[media-worker]", err instanceof Error ? err.message : err);
  } finally {
    state.busy = false;
  }
}

export function startMediaWorker(): void {
  if (g.__imprimaturMediaWorker) return;
  const idleMs = 1000 * (Number(process.env.MEDIA_PROCESS_IDLE_SECONDS) || 600);
  // The process opens the same store (folder or bucket) from its description.
  const make = new VariantProcess({ store: mediaStoreConfig(), idleMs }).make;
  const seconds = Math.max(1, Number(process.env.MEDIA_TICK_SECONDS) || 5);
  const timer = setInterval(() => void runOnce(), seconds * 1000);
  timer.unref();
  g.__imprimaturMediaWorker = { timer, busy: false, again: false, make };
  setTimeout(() => void runOnce(), 1_000).unref();
}

/** Called after an upload commits: start on the new job now instead of at the next tick. */
export function wakeMediaWorker(): void {
  if (g.__imprimaturMediaWorker) setImmediate(() => void runOnce());
}
