// npm run bench:databases — the feedback and review benches on SQLite and on PostgreSQL, side by side, and
// accepted feedback/s of two app processes on PostgreSQL against one process on SQLite (the question a site
// asks before moving: what does a second process buy?). Needs a production build (npx next build).
// PostgreSQL runs in a throwaway cluster with durable commits (fsync on, as SQLite's WAL commits are), on
// PG_PORT (default 5439, next free one taken). Knobs: BENCH_REQUESTS (default 4000), BENCH_CONNECTIONS (10),
// BENCH_PORT (default 3960: the runs take it and the next four ports).
// The machine is shared: read the ratio within one run, not the absolute numbers across runs.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { startCluster } from "../scripts/lib/pg-cluster";

const ROOT = path.resolve(__dirname, "..");

function bench(script: string, args: string[], env: Record<string, string>): string {
  const out = spawnSync("npx", ["tsx", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_REQUESTS: process.env.BENCH_REQUESTS ?? "4000", ...env },
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${out.stderr}\n${out.stdout}`);
  return out.stdout;
}

const acceptedPerSecond = (out: string) => Number(/\((\d+) accepted\/s/.exec(out)?.[1] ?? NaN);
const cpuPerAccepted = (out: string) => /CPU per accepted:\s+([\d.]+) ms/.exec(out)?.[1] ?? "?";
const p99 = (out: string) => /p99 (\d+) ms/.exec(out)?.[1] ?? "?";
const line = (out: string, label: string) =>
  (out.split("\n").find((l) => l.startsWith(label)) ?? "").replace(/^[^:]*:\s*/, "");

async function main() {
  const cluster = await startCluster({ durable: true });
  try {
    const pg = { PG_ADMIN_URL: cluster.url, BENCH_PG_DATA: path.join(cluster.dir, "data") };
    const port = Number(process.env.BENCH_PORT || 3960);
    console.log("› feedback: SQLite, 1 process");
    const sqlite1 = bench("bench/feedback.ts", [], { BENCH_PORT: String(port) });
    console.log("› feedback: PostgreSQL, 1 process");
    const pg1 = bench("bench/feedback.ts", ["--postgres"], { ...pg, BENCH_PORT: String(port + 2) });
    console.log("› feedback: PostgreSQL, 2 processes");
    const pg2 = bench("bench/feedback.ts", ["--postgres", "--processes", "2"], {
      ...pg,
      BENCH_PORT: String(port + 3),
    });
    console.log("› review: SQLite, then PostgreSQL");
    const reviewArgs = ["--articles", "10", "--events", "5000"];
    const rs = bench("bench/review.ts", reviewArgs, {});
    const rp = bench("bench/review.ts", [...reviewArgs, "--postgres"], pg);

    const rows: Array<[string, string, string]> = [
      ["feedback accepted/s (1 process)", String(acceptedPerSecond(sqlite1)), String(acceptedPerSecond(pg1))],
      ["feedback p99 ms (1 process)", p99(sqlite1), p99(pg1)],
      ["feedback accepted/s (2 processes)", "—", String(acceptedPerSecond(pg2))],
      ["feedback CPU ms per accepted (1 process)", cpuPerAccepted(sqlite1), cpuPerAccepted(pg1)],
      ["feedback CPU ms per accepted (2 processes)", "—", cpuPerAccepted(pg2)],
      ...(["submit", "approve", "gate", "publish", "audit:verify"] as const).map((k): [string, string, string] => [
        `review ${k}`,
        line(rs, k),
        line(rp, k),
      ]),
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    const w2 = Math.max(6, ...rows.map((r) => r[1].length));
    console.log(`\n${"".padEnd(w)}  ${"SQLite".padEnd(w2)}  PostgreSQL`);
    for (const [k, a, b] of rows) console.log(`${k.padEnd(w)}  ${a.padEnd(w2)}  ${b}`);
    const ratio = acceptedPerSecond(pg2) / acceptedPerSecond(sqlite1);
    const cpuRatio = Number(cpuPerAccepted(pg2)) / Number(cpuPerAccepted(sqlite1));
    console.log(
      `\nCPU per accepted answer (app processes, and PostgreSQL's own processes on its side): PostgreSQL with 2 ` +
        `processes ${cpuPerAccepted(pg2)} ms, SQLite with 1 ${cpuPerAccepted(sqlite1)} ms (${cpuRatio.toFixed(2)}×).`,
    );
    console.log(
      `\nPostgreSQL with 2 processes vs SQLite with 1: ${ratio.toFixed(2)}× accepted feedback/s (target ≥ 1.5×) — ` +
        `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; the app processes, PostgreSQL and the load ` +
        `generators share these cores, so a second process only adds throughput when a core is idle.`,
    );
  } finally {
    cluster.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
