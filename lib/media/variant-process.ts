// The process that makes image variants, started and fed by variant-maker.ts (`node --import tsx` on this
// file). It loads sharp and the media store (the folder or the bucket, as the app's worker hands it over in
// MEDIA_VARIANT_STORE) and nothing else (no Next, no Prisma), so a photograph's
// decoding and encoding cost this small process its memory, not the web server: the server does not keep
// libvips' freed buffers, and a decoder crash ends this process, not the site. One job at a time; each
// reply carries the process's peak resident memory so far and the job's CPU time (npm run bench:media).
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { makeVariants, type MadeVariant } from "./make-variants";
import { openMediaStorage } from "./open-storage";
import type { MediaStoreConfig } from "./storage-config";

export interface VariantRequest {
  id: number;
  sha256: string;
}

/** Peak resident memory of the process so far (MB) and the CPU time (all threads, ms) of the job replied to. */
export interface VariantProcessStats {
  peakRssMb: number;
  cpuMs: number;
}

export type VariantReply =
  | { ready: true; stats: VariantProcessStats }
  | { id: number; ok: true; variants: MadeVariant[]; stats: VariantProcessStats }
  | { id: number; ok: false; error: string; stats: VariantProcessStats };

/** Peak resident set size of this process so far (Linux VmHWM), in MB; the current RSS elsewhere. */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

function serve(store: MediaStoreConfig) {
  // One libvips thread and no operation cache: the memory of one job stays bounded and is given back.
  sharp.concurrency(Number(process.env.MEDIA_SHARP_THREADS) || 1);
  sharp.cache(false);
  const opening = openMediaStorage(store);
  let queue = Promise.resolve();
  process.on("message", (request: VariantRequest) => {
    queue = queue.then(async () => {
      const cpuBefore = process.cpuUsage();
      const stats = (): VariantProcessStats => {
        const cpu = process.cpuUsage(cpuBefore);
        return { peakRssMb: peakRssMb(), cpuMs: (cpu.user + cpu.system) / 1000 };
      };
      let reply: VariantReply;
      try {
        const storage = await opening;
        const original = await storage.get(request.sha256);
        if (!original) throw new Error("The original file is missing from media storage.");
        const variants = await makeVariants(original, storage);
        reply = { id: request.id, ok: true, variants, stats: stats() };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        reply = { id: request.id, ok: false, error, stats: stats() };
      }
      process.send?.(reply);
    });
  });
  process.send?.({ ready: true, stats: { peakRssMb: peakRssMb(), cpuMs: 0 } } satisfies VariantReply);
  // The parent went away (stopped, crashed, or closed us when idle): nothing more will come.
  process.on("disconnect", () => process.exit(0));
}

const store = process.env.MEDIA_VARIANT_STORE;
if (process.send && store) serve(JSON.parse(store) as MediaStoreConfig);
