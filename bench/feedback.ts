// npm run bench:feedback — drives POST /api/feedback on loopback against the app (server.ts) and prints accepted
// answers per second, p50/p99 latency, and the rows found in the database afterwards.
// Target: ≥ 1,000 accepted answers/s, p99 < 50 ms, every accepted answer stored.
//
// Needs a production build first (`npx next build`). Uses its own scratch database (bench/lib/bench-database.ts)
// and its own port (BENCH_PORT, default 3113). The rate limit is disabled for the run through its setting
// (feedback.rateLimitPerWindow = 0), as a real flood would otherwise be answered 429 after 5 answers.
// Knobs: BENCH_CONNECTIONS (default 10), BENCH_REQUESTS (default 10000). A fixed number of requests (not a
// duration) so that every request is answered before the rows are counted: accepted must equal stored.
// Databases: `-- --postgres` runs on a fresh PostgreSQL database (PG_ADMIN_URL's cluster, else a throwaway one)
// and `-- --processes N` starts N servers on consecutive ports, each driven by its own load generator with
// BENCH_CONNECTIONS connections (so the total is N times that); npm run bench:databases compares them.
// BENCH_PG_DATA=<cluster folder> (bench:databases sets it): PostgreSQL's own CPU time in the run is read too (its
// postmaster and backends), so that CPU per accepted answer counts the database on both sides (SQLite works
// inside the app process). BENCH_CPU_PROF=<folder>: the app processes run under node --cpu-prof and write their
// profiles there when they stop.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { createDb } from "../lib/db/client";
import { putSetting } from "../lib/settings/settings";
import { makePublicationHistory, makeUser } from "../tests/helpers/factory";
import { createBenchDatabase } from "./lib/bench-database";
import { startAppProcesses, stopAppProcesses } from "../scripts/lib/app-processes";

const PORT = Number(process.env.BENCH_PORT || 3113);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 10_000);
const ON_POSTGRES = process.argv.includes("--postgres");
const PROCESSES = Math.max(1, Number(process.argv[process.argv.indexOf("--processes") + 1]) || 1);
const BASE = `http://127.0.0.1:${PORT}`;

/** CPU seconds used so far by a PostgreSQL cluster: its postmaster and every process it started (Linux /proc). */
function clusterCpuSeconds(dataDir: string | undefined): number {
  if (!dataDir) return 0;
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pid) === postmaster || Number(fields[1]) === postmaster)
        ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function main() {
  const target = await createBenchDatabase("feedback", { postgres: ON_POSTGRES });
  const DB_URL = target.url;
  const db = createDb(DB_URL);
  const writer = await makeUser(db, { roles: ["WRITER"], name: "Bench Writer" });
  const { article } = await makePublicationHistory(db, { authorId: writer.id, title: "Bench article" });
  await putSetting(db, "feedback.rateLimitPerWindow", 0);

  const secret = randomBytes(32).toString("base64url");
  const ports = Array.from({ length: PROCESSES }, (_, i) => PORT + i);
  const servers = await startAppProcesses(ports, {
    host: "127.0.0.1",
    env: {
      DATABASE_URL: DB_URL,
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: secret,
      // The endpoint is measured; a co-editing server per process would also want the next port.
      COLLAB_DISABLED: "1",
    },
    nodeArgs: process.env.BENCH_CPU_PROF
      ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
      : [],
  });
  const server = servers[0];
  // On a shared machine requests/s depends on what else runs; CPU time per answer says what the endpoint costs.
  const cpuOfServers = () => servers.reduce((sum, s) => sum + s.cpuSeconds(), 0);
  try {
    // Answers as the enhanced form sends them: a mix of yes and "no — unclear" with a comment.
    const bodies = [
      JSON.stringify({ articleId: article.id, revisionId: article.liveRevisionId, helpful: "yes" }),
      JSON.stringify({
        articleId: article.id,
        revisionId: article.liveRevisionId,
        helpful: "no",
        reason: "UNCLEAR",
        comment: "The second section lost me.",
      }),
    ];
    let i = 0;
    const opts: autocannon.Options = {
      url: `${BASE}/api/feedback`,
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "user-agent": "imprimatur-bench" },
      connections: CONNECTIONS,
      requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
    };
    const onEach = (o: autocannon.Options, amount: number) =>
      Promise.all(
        ports.map((port) =>
          run({ ...o, url: `http://127.0.0.1:${port}/api/feedback`, amount: Math.ceil(amount / PROCESSES) }),
        ),
      );
    await onEach(opts, 2_000); // warm-up: JIT, route compilation, database caches
    const before = await db.feedback.count({ where: { articleId: article.id } });
    const pgData = ON_POSTGRES ? process.env.BENCH_PG_DATA : undefined;
    const cpuBefore = cpuOfServers();
    const databaseCpuBefore = clusterCpuSeconds(pgData);
    const result = combine(await onEach(opts, REQUESTS));
    const serverCpu = cpuOfServers() - cpuBefore;
    const databaseCpu = clusterCpuSeconds(pgData) - databaseCpuBefore;
    const after = await db.feedback.count({ where: { articleId: article.id } });

    // Baseline: the same endpoint refusing an empty body at validation (no database work at all): the CPU the
    // framework itself spends per request, to compare the accepted path with.
    const floorCpuBefore = server.cpuSeconds();
    const floor = await run({ ...opts, requests: undefined, body: "{}", amount: Math.min(REQUESTS, 5_000) });
    const floorCpu = server.cpuSeconds() - floorCpuBefore;
    const floorCount = floor.statusCodeStats?.["400"]?.count ?? 0;

    const codes = result.statusCodeStats ?? {};
    const accepted = codes["201"]?.count ?? 0;
    const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
    const stored = after - before;
    const other = Object.entries(codes).filter(([code]) => code !== "201");
    console.log(
      `feedback endpoint bench — ${ON_POSTGRES ? "PostgreSQL" : "SQLite"}, ${PROCESSES} process(es) × ${CONNECTIONS} connections, ${seconds.toFixed(1)} s, server.ts on ${ports.join(", ")}`,
    );
    console.log(`  accepted (201):      ${accepted}  (${(accepted / seconds).toFixed(0)} accepted/s; target >= 1000)`);
    console.log(
      `  latency:             p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms (target p99 < 50)`,
    );
    console.log(
      `  other answers:       ${other.length ? other.map(([c, s]) => `${c}×${s.count}`).join(", ") : "none"}; errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    console.log(
      `  server CPU:          ${serverCpu.toFixed(1)} s for ${accepted + other.reduce((n, [, st]) => n + (st.count ?? 0), 0)} answers = ${((serverCpu * 1000) / Math.max(1, REQUESTS)).toFixed(2)} ms per answer (one free core would allow ~${serverCpu > 0 ? Math.round(REQUESTS / serverCpu) : "?"}/s); machine load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
    if (pgData)
      console.log(
        `  database CPU:        ${databaseCpu.toFixed(1)} s = ${((databaseCpu * 1000) / Math.max(1, REQUESTS)).toFixed(2)} ms per answer (PostgreSQL's processes)`,
      );
    console.log(
      `  CPU per accepted:    ${(((serverCpu + databaseCpu) * 1000) / Math.max(1, accepted)).toFixed(2)} ms (app processes${pgData ? " + PostgreSQL" : ON_POSTGRES ? "; PostgreSQL's own not read: set BENCH_PG_DATA" : ", the database included"})`,
    );
    console.log(
      `  baseline:            ${floorCount} requests refused at validation (400, no DB) cost ${((floorCpu * 1000) / Math.max(1, floorCount)).toFixed(2)} ms server CPU each, p99 ${floor.latency.p99} ms`,
    );
    console.log(
      `  rows stored in run:  ${stored}  ${stored === accepted ? "(= accepted: every accepted answer stored)" : `(MISMATCH: ${accepted} accepted)`}`,
    );
    if (stored !== accepted) process.exitCode = 1;
  } finally {
    await stopAppProcesses(servers);
    await db.$disconnect();
    await target.drop();
  }
}

/** One result for load generators that ran side by side: counts summed, wall time from first start to last end. */
function combine(results: autocannon.Result[]): autocannon.Result {
  if (results.length === 1) return results[0];
  const statusCodeStats: Record<string, { count: number }> = {};
  for (const r of results)
    for (const [code, st] of Object.entries(r.statusCodeStats ?? {}))
      statusCodeStats[code] = { count: (statusCodeStats[code]?.count ?? 0) + (st.count ?? 0) };
  const start = Math.min(...results.map((r) => new Date(r.start).getTime()));
  const finish = Math.max(...results.map((r) => new Date(r.finish).getTime()));
  const worst = (k: "p50" | "p99" | "max") => Math.max(...results.map((r) => r.latency[k]));
  return {
    ...results[0],
    start: new Date(start),
    finish: new Date(finish),
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    statusCodeStats: statusCodeStats as autocannon.Result["statusCodeStats"],
    latency: { ...results[0].latency, p50: worst("p50"), p99: worst("p99"), max: worst("max") },
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
