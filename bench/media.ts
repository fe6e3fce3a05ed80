// npm run bench:media — upload-to-variants time for a 12-megapixel JPEG photograph, and the peak memory
// (RSS) of the process that does it. Targets: < 3 s and < 300 MB RSS on the project's 2-core machine.
//
// The photograph (4000 × 3000, gradient, shapes and film-grain noise, with EXIF) is generated with sharp at
// bench time. Each measured run is its own process and goes through the real code as the app runs it:
// uploadMedia (type and pixel checks, one thumbnail-size decode, storage, rows), then runMediaJob with the
// app worker's variant process (decode once, 3 widths × AVIF/WebP/JPEG in the separate process, one libvips
// thread, cache off). That process is started before the clock starts, as it is on a site where uploads are
// coming in; its start-up time is printed separately. The memory target applies to the process that decodes
// and encodes (the variant process: its peak RSS covers Node, tsx and sharp too); the uploading process's
// peak (the web server's share: Node, tsx, Prisma and the upload checks) is printed for information. It uses
// its own database and media folder under bench/.tmp. The baseline, measured in the same run, is what any
// pipeline has to pay at least: one full decode of the photo and one 1600 px JPEG encode; the ratio shows what
// the three formats and three widths cost on top. BENCH_RUNS (default 3) runs; the median time and the
// highest peaks are reported, with the load average before and after (other processes on the machine).
// `-- --s3` stores in a bucket of a local S3-compatible server (s3rver, started here; its own CPU is not counted)
// instead of a folder: the upload and the variant process then read and write over HTTP.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createDb } from "../lib/db/client";
import { uploadMedia } from "../lib/media/upload-media";
import { makeUser, toActor } from "../tests/helpers/factory";
import { runMediaJob } from "../lib/media/media-jobs";
import { openMediaStorage } from "../lib/media/open-storage";
import type { MediaStoreConfig } from "../lib/media/storage-config";
import { startS3Stub, type S3Stub } from "../tests/helpers/s3-stub";
import { VariantProcess } from "../lib/media/variant-maker";

const ROOT = path.resolve(__dirname, "..");
const execFileAsync = promisify(execFile);
const TMP = path.join(ROOT, "bench", ".tmp");
const DB_FILE = path.join(TMP, "media-bench.db");
const MEDIA_DIR = path.join(TMP, "media-bench");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
const TARGET_MS = 3000;
const TARGET_RSS_MB = 300;

/** Peak resident set size of this process so far (Linux VmHWM), in MB; falls back to the current RSS. */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

async function photograph(seed: number): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><radialGradient id="g" cx="${40 + seed}%" cy="45%" r="75%"><stop offset="0" stop-color="#e9c9b0"/>
    <stop offset="0.6" stop-color="#b9826a"/><stop offset="1" stop-color="#3b2a26"/></radialGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    ${Array.from({ length: 40 }, (_, i) => `<circle cx="${(i * 977 + seed * 131) % width}" cy="${(i * 613 + seed * 71) % height}" r="${30 + ((i * 37) % 120)}" fill="#f8f4ef" fill-opacity="0.55"/>`).join("")}
  </svg>`;
  const grain = await sharp({
    create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 18 } },
  })
    .blur(0.8)
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: grain, blend: "overlay" }])
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: "Bench", Model: "12MP" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .toBuffer();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface ChildResult {
  uploadMs: number;
  totalMs: number;
  startMs: number;
  /** CPU time (all threads) of the uploading process over the measured section, and of the variant job. */
  uploadCpuMs: number;
  processingCpuMs: number;
  /** Peak RSS of the variant process (decoding and encoding). */
  processingPeakMb: number;
  /** Peak RSS of the uploading process (Node, tsx, Prisma, upload checks). */
  uploadPeakMb: number;
  variants: number;
}

/** sharp as the variant process configures it, for the baseline measured in this process. */
function configureSharp() {
  sharp.concurrency(1);
  sharp.cache(false);
}

/** One measured upload, in its own process so the peak RSS is the upload's, not the photo generator's. */
async function child(file: string) {
  configureSharp();
  const db = createDb(`file:${DB_FILE}`);
  const config: MediaStoreConfig = process.env.BENCH_MEDIA_STORE
    ? (JSON.parse(process.env.BENCH_MEDIA_STORE) as MediaStoreConfig)
    : { kind: "folder", root: MEDIA_DIR };
  const storage = await openMediaStorage(config);
  const actor = toActor(
    await db.user.findFirstOrThrow({ where: { email: "bench@bench.local" }, include: { roles: true } }),
  );
  const bytes = readFileSync(file);
  // Warm up what a running app has warm already: the database connection, libvips, the variant process.
  await db.user.count();
  await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
    .png()
    .toBuffer();
  const variantProcess = new VariantProcess({ store: storage.config, appDir: ROOT });
  const s0 = performance.now();
  await variantProcess.warmUp();
  const startMs = performance.now() - s0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const up = await uploadMedia(db, storage, actor, { bytes, fileName: "bench.jpg" });
  const t1 = performance.now();
  const claimed = await db.mediaFile.update({
    where: { id: up.fileId },
    data: { status: "RUNNING", claimedAt: new Date(), attempts: 1 },
  });
  const status = await runMediaJob(db, storage, { id: claimed.id, sha256: claimed.sha256 }, variantProcess.make);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  if (status !== "READY") {
    const row = await db.mediaFile.findUnique({ where: { id: up.fileId } });
    throw new Error(`processing ended ${status}: ${row?.error}`);
  }
  const result: ChildResult = {
    uploadMs: t1 - t0,
    totalMs: t2 - t0,
    startMs,
    uploadCpuMs: (cpu.user + cpu.system) / 1000,
    processingCpuMs: variantProcess.lastStats.cpuMs,
    processingPeakMb: variantProcess.lastStats.peakRssMb,
    uploadPeakMb: peakRssMb(),
    variants: await db.mediaVariant.count({ where: { fileId: up.fileId } }),
  };
  variantProcess.close();
  await db.$disconnect();
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

async function main() {
  const loadBefore = os.loadavg()[0];
  let stub: S3Stub | undefined;
  const benchEnv: Record<string, string> = {};
  if (process.argv.includes("--s3")) {
    stub = await startS3Stub({ buckets: ["media-bench"] });
    benchEnv.BENCH_MEDIA_STORE = JSON.stringify(stub.config("media-bench"));
  }
  mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DB_FILE + suffix, { force: true });
  rmSync(MEDIA_DIR, { recursive: true, force: true });
  execFileSync("npx", ["tsx", "scripts/db-deploy.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${DB_FILE}` },
    stdio: "ignore",
  });
  const db = createDb(`file:${DB_FILE}`);
  await makeUser(db, { roles: ["WRITER"], name: "Bench", email: "bench@bench.local" });
  await db.$disconnect();

  const files: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const file = path.join(TMP, `media-bench-${i}.jpg`);
    writeFileSync(file, await photograph(i));
    files.push(file);
  }
  const size = readFileSync(files[0]).length;
  console.log(`12-megapixel JPEG: 4000 × 3000, ${(size / 1024 / 1024).toFixed(1)} MB (with EXIF/GPS)`);

  // Baseline: one full decode and one 1600 px JPEG, in this process.
  configureSharp();
  const baseTimes: number[] = [];
  for (const file of files) {
    const p = readFileSync(file);
    const t0 = performance.now();
    await sharp(p).rotate().resize({ width: 1600 }).jpeg({ quality: 80 }).toBuffer();
    baseTimes.push(performance.now() - t0);
  }

  const results: ChildResult[] = [];
  for (const file of files) {
    // Not execFileSync: with --s3 the S3 server runs in this process and must keep answering.
    const { stdout: out } = await execFileAsync(process.execPath, [...process.execArgv, __filename, "--child", file], {
      cwd: ROOT,
      encoding: "utf8",
      // As scripts/start.sh runs the app: glibc's per-thread malloc arenas otherwise keep libvips' freed
      // buffers, which inflates RSS without being used (sharp's documentation recommends limiting them).
      env: { MALLOC_ARENA_MAX: "2", ...process.env, ...benchEnv },
    });
    const line = out.split("\n").find((l) => l.startsWith("RESULT "));
    if (!line) throw new Error(`the measured run printed no result:\n${out}`);
    results.push(JSON.parse(line.slice(7)) as ChildResult);
  }

  const t = median(results.map((r) => r.totalMs));
  const peak = Math.max(...results.map((r) => r.processingPeakMb));
  const uploadPeak = Math.max(...results.map((r) => r.uploadPeakMb));
  const base = median(baseTimes);
  console.log(`media store: ${stub ? "S3 bucket on a local s3rver (HTTP on loopback)" : "folder"}`);
  console.log(`runs: ${RUNS}; variants per upload: ${results[0].variants} (3 widths × AVIF, WebP, JPEG)`);
  console.log(`upload checks + storing (median):     ${median(results.map((r) => r.uploadMs)).toFixed(0)} ms`);
  console.log(
    `upload to variants (median):          ${t.toFixed(0)} ms   (target < ${TARGET_MS} ms: ${(t / TARGET_MS).toFixed(2)} of target)`,
  );
  // CPU time does not grow with the machine's load the way the elapsed time does: it shows the work itself.
  const upCpu = median(results.map((r) => r.uploadCpuMs));
  const procCpu = median(results.map((r) => r.processingCpuMs));
  console.log(
    `CPU time (median): upload process ${upCpu.toFixed(0)} ms + variant process ${procCpu.toFixed(0)} ms = ${(upCpu + procCpu).toFixed(0)} ms`,
  );
  console.log(
    `peak RSS of the processing process:   ${peak.toFixed(0)} MB   (target < ${TARGET_RSS_MB} MB: ${(peak / TARGET_RSS_MB).toFixed(2)} of target; includes Node, tsx and sharp)`,
  );
  console.log(
    `peak RSS of the uploading process:    ${uploadPeak.toFixed(0)} MB   (Node, tsx, Prisma and the upload checks; no image processing)`,
  );
  console.log(
    `variant process start (median):       ${median(results.map((r) => r.startMs)).toFixed(0)} ms   (once, before a site's first upload; not in the time above)`,
  );
  console.log(
    `baseline (1 decode + 1 JPEG, median): ${base.toFixed(0)} ms   ratio upload-to-variants / baseline: ${(t / base).toFixed(2)}`,
  );
  console.log(
    `load average (1 min) before / after:  ${loadBefore.toFixed(1)} / ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  await stub?.stop();
  rmSync(MEDIA_DIR, { recursive: true, force: true });
  for (const file of files) rmSync(file, { force: true });
}

const childAt = process.argv.indexOf("--child");
(childAt >= 0 ? child(process.argv[childAt + 1]) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
