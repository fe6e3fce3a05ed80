// The in-process worker that makes image variants, started with the app (instrumentation.ts). It looks for
// jobs every MEDIA_TICK_SECONDS (default 5) and at once when an upload calls wakeMediaWorker(); jobs are
// claimed in the database (media-jobs.ts), so several app processes can run workers side by side and a
// restart picks up what was left. sharp runs one libvips thread with its cache off: a 12-megapixel photo
// then stays well under 300 MB of memory (npm run bench:media).
import sharp from "sharp";
import { db } from "../db/client";
import { drainMediaJobs } from "./media-jobs";
import { mediaStorage } from "./storage";

const g = globalThis as unknown as {
  __imprimaturMediaWorker?: { timer: ReturnType<typeof setInterval>; busy: boolean; again: boolean };
};

export function configureSharpForWorker() {
  sharp.concurrency(Number(process.env.MEDIA_SHARP_THREADS) || 1);
  sharp.cache(false);
}

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
      await drainMediaJobs(db, mediaStorage());
    } while (state.again);
  } catch (err) {
    console.error("[media-worker]", err instanceof Error ? err.message : err);
  } finally {
    state.busy = false;
  }
}

export function startMediaWorker(): void {
  if (g.__imprimaturMediaWorker) return;
  configureSharpForWorker();
  const seconds = Math.max(1, Number(process.env.MEDIA_TICK_SECONDS) || 5);
  const timer = setInterval(() => void runOnce(), seconds * 1000);
  timer.unref();
  g.__imprimaturMediaWorker = { timer, busy: false, again: false };
  setTimeout(() => void runOnce(), 1_000).unref();
}

/** Called after an upload commits: start on the new job now instead of at the next tick. */
export function wakeMediaWorker(): void {
  if (g.__imprimaturMediaWorker) setImmediate(() => void runOnce());
}
