// npm run bench:article — how fast readers get the demo article from the app's server (server.ts: Next behind
// the readers' page cache), beside a plain Node `http` server sending the very same bytes from memory (the
// ceiling for this machine), in the same run: plain requests, gzip requests (what browsers ask for; the plain
// server sends the same gzip bytes) and 304 revalidations (If-None-Match with the page's ETag; the plain
// server answers them too).
//
//   npx next build            # once, after changes (the bench builds only when there is no build at all)
//   npm run bench:article     # BENCH_DURATION=5 (seconds per run), BENCH_ROUNDS=3, BENCH_CONNECTIONS=10,50,
//                             # BENCH_PORT=3155 (and the next port), PAGE_CACHE=off to measure Next alone,
//                             # BENCH_KINDS=plain,gzip,304 (which request kinds), BENCH_CPU_PROF=<folder> (the
//                             # app runs under node --cpu-prof and writes its profile there when it stops)
//
// It seeds a fresh SQLite file under bench/.tmp (migrations + prisma/seed.ts), starts the server on it, warms
// the page once, then runs autocannon against each server in turn (never both at once: they share the CPU)
// and prints requests/s, p50 and p99 latency per concurrency and the ratio app / plain. Other work on the
// machine moves requests/s a lot from run to run; the servers' CPU time per response (read from /proc) moves
// much less, so the last column is the one to compare between changes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";
import { startAppProcess, waitForAnswer } from "../scripts/lib/app-processes";

const ROOT = path.resolve(__dirname, "..");
const TMP = path.join(ROOT, "bench", ".tmp");
const DB_FILE = path.join(TMP, "bench.db");
const NEXT_PORT = Number(process.env.BENCH_PORT || 3155);
const PLAIN_PORT = NEXT_PORT + 1;
const DURATION = Number(process.env.BENCH_DURATION || 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "10,50").split(",").map(Number);
const PAGE = `/articles/${DEMO_ARTICLE_SLUG}`;
const ONLY_KINDS = process.env.BENCH_KINDS ? process.env.BENCH_KINDS.split(",") : null;
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
/** The targets, per request kind: app/plain throughput for 200s, plain/app CPU per response for 304s. */
const THROUGHPUT_TARGET = 0.5;
const NOT_MODIFIED_CPU_TARGET = 0.67;

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${DB_FILE}`,
  NEXTAUTH_URL: `http://127.0.0.1:${NEXT_PORT}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "bench-only-secret-not-used-for-anything-real",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  // The bench seeds the demo site into its own throwaway file; the seed refuses production unless told.
  IMPRIMATUR_ALLOW_DEMO_SEED: "1",
  // Readers' pages are measured; the co-editing server would also take the app's port + 1, the baseline's.
  COLLAB_DISABLED: "1",
};

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}

/** The baseline server (a node -e one-liner), in its own process group. */
function start(cmd: string, args: string[]): ChildProcess {
  return spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"], detached: true });
}

function stop(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function assertFree(port: number) {
  const busy = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (busy)
    throw new Error(
      `Port ${port} is already in use: set BENCH_PORT to a free port (it uses BENCH_PORT and BENCH_PORT+1).`,
    );
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU time per response (user + system, from /proc): what load on the shared machine cannot skew. */
  cpuUs: number;
}

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere, and the column then reads 0). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

async function measure(
  url: string,
  connections: number,
  pid: number | undefined,
  headers: Record<string, string> = {},
): Promise<Result> {
  // A short unrecorded run first: JIT, lazily loaded modules and socket pools settle before we count.
  await autocannon({ url, connections, duration: 1, pipelining: 1, headers });
  const cpuBefore = cpuSeconds(pid);
  const r = await autocannon({ url, connections, duration: DURATION, pipelining: 1, headers });
  const cpuUs = ((cpuSeconds(pid) - cpuBefore) * 1e6) / Math.max(1, r.requests.total);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // 304 is the expected answer to a revalidation: count only failures.
    errors: r.errors + r.timeouts + r["4xx"] + r["5xx"],
    cpuUs,
  };
}

/** The three ways a reader asks for the page. */
const KINDS = [
  { name: "plain", headers: (): Record<string, string> => ({}) },
  { name: "gzip", headers: (): Record<string, string> => ({ "accept-encoding": "gzip" }) },
  { name: "304", headers: (etag: string): Record<string, string> => ({ "if-none-match": etag }) },
] as const;

async function main() {
  await assertFree(NEXT_PORT);
  await assertFree(PLAIN_PORT);
  mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  run("npx", ["tsx", "scripts/db-deploy.ts"]);
  run("npx", ["tsx", "prisma/seed.ts"]);
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) run("npx", ["next", "build"]);

  // The harness starts server.ts as one process (no tsx wrapper): its pid is the server's, whose CPU time we read.
  // BENCH_CPU_PROF: the profile is written when the server stops.
  const nodeArgs = CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  const app = await startAppProcess(NEXT_PORT, { env, host: "127.0.0.1", nodeArgs });
  let plain: ChildProcess | null = null;
  try {
    const url = `${app.url}${PAGE}`;
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`${PAGE} answered ${res.status}`);
    const second = await fetch(url);
    const html = Buffer.from(await second.arrayBuffer());
    const cacheState = second.headers.get("x-page-cache") ?? "none (page cache off)";
    const etag = second.headers.get("etag") ?? '"none"';
    // The exact gzip bytes the app sends (undici's fetch would decompress them, so ask with node:http).
    const gzipped = await new Promise<Buffer>((resolve, reject) =>
      http
        .get(url, { headers: { "accept-encoding": "gzip" } }, (r) => {
          const chunks: Buffer[] = [];
          r.on("data", (c: Buffer) => chunks.push(c));
          r.on("end", () => resolve(Buffer.concat(chunks)));
        })
        .on("error", reject),
    );
    const gzipEtag = (await fetch(url, { headers: { "accept-encoding": "gzip" } })).headers.get("etag") ?? etag;

    // The baseline runs in its own process so it does not share an event loop with autocannon. It answers each
    // request kind with the same bytes and headers' size class as the app: the page, its gzip bytes, a 304.
    const bodyFile = path.join(TMP, "article.html");
    const gzipFile = path.join(TMP, "article.html.gz");
    writeFileSync(bodyFile, html);
    writeFileSync(gzipFile, gzipped);
    plain = start(process.execPath, [
      "-e",
      `const fs=require("fs");const b=fs.readFileSync(${JSON.stringify(bodyFile)});const g=fs.readFileSync(${JSON.stringify(gzipFile)});const e=${JSON.stringify(etag)};
require("http").createServer((q,s)=>{
  if(q.headers["if-none-match"]){s.writeHead(304,{ETag:e});return s.end()}
  if(/gzip/.test(q.headers["accept-encoding"]||"")){s.writeHead(200,{"Content-Type":"text/html; charset=utf-8","Content-Encoding":"gzip","Vary":"Accept-Encoding","ETag":e,"Content-Length":g.length});return s.end(g)}
  s.writeHead(200,{"Content-Type":"text/html; charset=utf-8","Vary":"Accept-Encoding","ETag":e,"Content-Length":b.length});s.end(b)
}).listen(${PLAIN_PORT},"127.0.0.1")`,
    ]);
    const baseline = await waitForAnswer(`http://127.0.0.1:${PLAIN_PORT}/`);
    // Something else on the baseline's port would make every ratio meaningless.
    const baselineBytes = Buffer.from(await baseline.arrayBuffer());
    if (!baselineBytes.equals(html)) throw new Error(`port ${PLAIN_PORT} does not answer with the page's bytes`);

    console.log(
      `\n${PAGE}: ${html.length} bytes (${gzipped.length} gzip), x-page-cache: ${cacheState}; ${ROUNDS} rounds x ${DURATION}s per server and kind; node ${process.version}`,
    );
    const rows: string[] = [];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const fmt = (name: string, c: number, rs: Result[]) =>
      `${name.padEnd(12)} c=${String(c).padStart(3)}  ${median(rs.map((r) => r.rps))
        .toFixed(0)
        .padStart(
          7,
        )} req/s  p50 ${String(median(rs.map((r) => r.p50))).padStart(4)} ms  p99 ${String(median(rs.map((r) => r.p99))).padStart(4)} ms  cpu ${median(
        rs.map((r) => r.cpuUs),
      )
        .toFixed(0)
        .padStart(5)} µs/req` +
      (rs.some((r) => r.errors) ? `  (${rs.reduce((n, r) => n + r.errors, 0)} errors/4xx/5xx)` : "");
    const summary: string[] = [];
    for (const c of CONNECTIONS) {
      for (const kind of KINDS.filter((k) => !ONLY_KINDS || ONLY_KINDS.includes(k.name))) {
        // The machine is shared: run the servers in alternation, several rounds, and report medians, so a
        // burst of outside load hits both sides instead of skewing one.
        const a: Result[] = [];
        const p: Result[] = [];
        const ratios: number[] = [];
        const cpuRatios: number[] = [];
        const headers = kind.headers(kind.name === "304" ? gzipEtag : etag);
        if (kind.name === "304") headers["accept-encoding"] = "gzip";
        for (let round = 0; round < ROUNDS; round++) {
          const ar = await measure(url, c, app.pid, headers);
          const pr = await measure(`http://127.0.0.1:${PLAIN_PORT}${PAGE}`, c, plain!.pid, headers);
          a.push(ar);
          p.push(pr);
          ratios.push(ar.rps / pr.rps);
          cpuRatios.push(pr.cpuUs / ar.cpuUs);
        }
        rows.push(fmt(`app ${kind.name}`, c, a), fmt(`plain ${kind.name}`, c, p));
        const line = `${`ratio ${kind.name}`.padEnd(12)} c=${String(c).padStart(3)}  app/plain throughput ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")}); per-request CPU plain/app ${median(cpuRatios).toFixed(2)}`;
        rows.push(line, "");
        // 304s are judged by CPU per response (a 304 is so cheap that throughput mostly measures the load
        // generator and the machine); 200s by throughput.
        const [value, target, what] =
          kind.name === "304"
            ? [median(cpuRatios), NOT_MODIFIED_CPU_TARGET, "CPU per response plain/app"]
            : [median(ratios), THROUGHPUT_TARGET, "throughput app/plain"];
        summary.push(
          `${kind.name.padEnd(5)} c=${String(c).padStart(3)}  ${what} ${value.toFixed(2)} (target ≥ ${target.toFixed(2)}: ${value >= target ? "met" : "NOT met"}); app ${median(a.map((r) => r.cpuUs)).toFixed(1)} µs, plain ${median(p.map((r) => r.cpuUs)).toFixed(1)} µs CPU per response`,
        );
      }
    }
    console.log(rows.join("\n"));
    console.log(
      `Summary (targets: plain and gzip app/plain throughput ≥ ${THROUGHPUT_TARGET.toFixed(2)}; 304 plain/app CPU per response ≥ ${NOT_MODIFIED_CPU_TARGET.toFixed(2)}, i.e. within 1.5× of the plain server's); load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${os.cpus().length} cores:\n${summary.join("\n")}`,
    );
  } finally {
    if (plain) stop(plain);
    await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
