// The process that makes image variants, started and fed by variant-maker.ts (`node --import tsx` on this
// file). It loads sharp and the storage folder and nothing else (no Next, no Prisma), so a photograph's
// decoding and encoding cost this small process its memory, not the web server: the server does not keep
// libvips' freed buffers, and a decoder crash ends this process, not the site. One job at a time; each
// reply carries the process's peak resident memory so far, which npm run bench:media reports.
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { makeVariants, type MadeVariant } from "./process-media-file";
import { FolderStorage } from "./storage";

export interface VariantRequest {
  id: number;
  sha256: string;
}

export type VariantReply =
  | { ready: true; peakRssMb: number }
  | { id: number; ok: true; variants: MadeVariant[]; peakRssMb: number }
  | { id: number; ok: false; error: string; peakRssMb: number };

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

function serve(root: string) {
  // One libvips thread and no operation cache: the memory of one job stays bounded and is given back.
  sharp.concurrency(Number(process.env.MEDIA_SHARP_THREADS) || 1);
  sharp.cache(false);
  const storage = new FolderStorage(root);
  let queue = Promise.resolve();
  process.on("message", (request: VariantRequest) => {
    queue = queue.then(async () => {
      let reply: VariantReply;
      try {
        const original = await storage.get(request.sha256);
        if (!original) throw new Error("The original file is missing from media storage.");
        const variants = await makeVariants(original, storage);
        reply = { id: request.id, ok: true, variants, peakRssMb: peakRssMb() };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        reply = { id: request.id, ok: false, error, peakRssMb: peakRssMb() };
      }
      process.send?.(reply);
    });
  });
  process.send?.({ ready: true, peakRssMb: peakRssMb() } satisfies VariantReply);
  // The parent went away (stopped, crashed, or closed us when idle): nothing more will come.
  process.on("disconnect", () => process.exit(0));
}

const root = process.env.MEDIA_VARIANT_ROOT;
if (process.send && root) serve(root);
