// npm run bench:article — how fast readers get the demo article from `next start`, beside a plain Node `http`
// server sending the very same HTML bytes from memory (the ceiling for this machine), in the same run.
//
//   npx next build            # once, after changes (the bench builds only when there is no build at all)
//   npm run bench:article     # BENCH_DURATION=5 (seconds per run), BENCH_ROUNDS=3, BENCH_CONNECTIONS=10,50, BENCH_PORT=3155 (and the
//                             # next port), BENCH_GZIP=0 to skip the extra row for browsers' gzip requests
//
// It seeds a fresh SQLite file under bench/.tmp (migrations + prisma/seed.ts), starts `next start` on it,
// warms the page once, then runs autocannon against each server in turn (never both at once: they share the
// CPU) and prints requests/s, p50 and p99 latency per concurrency and the ratio Next / plain. Other work on
// the machine moves requests/s a lot from run to run; the servers' CPU time per response (read from /proc)
// moves much less, so the last column is the one to compare between changes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";

const ROOT = path.resolve(__dirname, "..");
const TMP = path.join(ROOT, "bench", ".tmp");
const DB_FILE = path.join(TMP, "bench.db");
const NEXT_PORT = Number(process.env.BENCH_PORT || 3155);
const PLAIN_PORT = NEXT_PORT + 1;
const DURATION = Number(process.env.BENCH_DURATION || 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || "10,50").split(",").map(Number);
const PAGE = `/articles/${DEMO_ARTICLE_SLUG}`;

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${DB_FILE}`,
  NEXTAUTH_URL: `http://127.0.0.1:${NEXT_PORT}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "bench-only-secret-not-used-for-anything-real",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
};

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}

function start(cmd: string, args: string[]): ChildProcess {
  // detached: its own process group, so stopping it also stops the server it spawns (npx → next-server).
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

async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return res;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
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
    errors: r.errors + r.timeouts + r.non2xx,
    cpuUs,
  };
}

async function main() {
  await assertFree(NEXT_PORT);
  await assertFree(PLAIN_PORT);
  mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  run("npx", ["tsx", "scripts/db-deploy.ts"]);
  run("npx", ["tsx", "prisma/seed.ts"]);
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) run("npx", ["next", "build"]);

  // `node …/next start` rather than npx: the child is then the server process itself, whose CPU time we read.
  const next = start(process.execPath, [
    path.join(ROOT, "node_modules", "next", "dist", "bin", "next"),
    "start",
    "-H",
    "127.0.0.1",
    "-p",
    String(NEXT_PORT),
  ]);
  let plain: ChildProcess | null = null;
  try {
    const res = await waitFor(`http://127.0.0.1:${NEXT_PORT}${PAGE}`);
    if (res.status !== 200) throw new Error(`${PAGE} answered ${res.status}`);
    const html = Buffer.from(await (await fetch(`http://127.0.0.1:${NEXT_PORT}${PAGE}`)).arrayBuffer());
    const cacheState = (await fetch(`http://127.0.0.1:${NEXT_PORT}${PAGE}`)).headers.get("x-nextjs-cache") ?? "none";

    // The baseline runs in its own process so it does not share an event loop with autocannon.
    const bodyFile = path.join(TMP, "article.html");
    writeFileSync(bodyFile, html);
    plain = start(process.execPath, [
      "-e",
      `const b=require("fs").readFileSync(${JSON.stringify(bodyFile)});require("http").createServer((q,s)=>{s.writeHead(200,{"Content-Type":"text/html; charset=utf-8","Content-Length":b.length});s.end(b)}).listen(${PLAIN_PORT},"127.0.0.1")`,
    ]);
    await waitFor(`http://127.0.0.1:${PLAIN_PORT}/`);

    console.log(
      `\n${PAGE}: ${html.length} bytes, x-nextjs-cache: ${cacheState}; ${ROUNDS} rounds x ${DURATION}s per server; node ${process.version}`,
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
      (rs.some((r) => r.errors) ? `  (${rs.reduce((n, r) => n + r.errors, 0)} errors/non-2xx)` : "");
    for (const c of CONNECTIONS) {
      // The machine is shared: run the servers in alternation, several rounds, and report medians, so a burst
      // of outside load hits both sides instead of skewing one.
      const n: Result[] = [];
      const p: Result[] = [];
      const g: Result[] = [];
      const ratios: number[] = [];
      const cpuRatios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const nr = await measure(`http://127.0.0.1:${NEXT_PORT}${PAGE}`, c, next.pid);
        const pr = await measure(`http://127.0.0.1:${PLAIN_PORT}${PAGE}`, c, plain!.pid);
        n.push(nr);
        p.push(pr);
        ratios.push(nr.rps / pr.rps);
        cpuRatios.push(pr.cpuUs / nr.cpuUs);
        // What a browser gets: it asks for gzip, and Next compresses the stored page on every request.
        if (process.env.BENCH_GZIP !== "0")
          g.push(await measure(`http://127.0.0.1:${NEXT_PORT}${PAGE}`, c, next.pid, { "accept-encoding": "gzip" }));
      }
      rows.push(fmt("next start", c, n), ...(g.length ? [fmt("next (gzip)", c, g)] : []), fmt("plain http", c, p));
      rows.push(
        `${"ratio".padEnd(12)} c=${String(c).padStart(3)}  next/plain throughput ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")}); per-request CPU plain/next ${median(cpuRatios).toFixed(2)}`,
        "",
      );
    }
    console.log(rows.join("\n"));
  } finally {
    if (plain) stop(plain);
    stop(next);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
