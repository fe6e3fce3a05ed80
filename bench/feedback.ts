// npm run bench:feedback — drives POST /api/feedback on loopback against `next start` and prints accepted
// answers per second, p50/p99 latency, and the rows found in the database afterwards.
// Target: ≥ 1,000 accepted answers/s, p99 < 50 ms, every accepted answer stored.
//
// Needs a production build first (`npx next build`). Uses its own database file under bench/.tmp and its own
// port (BENCH_PORT, default 3113). The rate limit is disabled for the run through its setting
// (feedback.rateLimitPerWindow = 0), as a real flood would otherwise be answered 429 after 5 answers.
// Knobs: BENCH_CONNECTIONS (default 10), BENCH_REQUESTS (default 10000). A fixed number of requests (not a
// duration) so that every request is answered before the rows are counted: accepted must equal stored.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { createDb } from "../lib/db/client";
import { putSetting } from "../lib/settings/settings";
import { makePublishedArticle, makeUser } from "../tests/helpers/factory";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.BENCH_PORT || 3113);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 10_000);
const DB_FILE = path.join(ROOT, "bench", ".tmp", `feedback-${PORT}.db`);
const DB_URL = `file:${DB_FILE}`;
const BASE = `http://127.0.0.1:${PORT}`;

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * CPU seconds used so far by every process in a process group (Linux /proc; 0 elsewhere). On a shared machine
 * requests/s depends on what else runs; CPU time per answer says what the endpoint itself costs.
 */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

async function waitForServer(server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${BASE}/api/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      if (res.status === 400) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("next start did not answer within 60 s");
}

async function main() {
  mkdirSync(path.dirname(DB_FILE), { recursive: true });
  for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + s, { force: true });
  execFileSync("npx", ["tsx", "scripts/db-deploy.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: DB_URL },
    stdio: "ignore",
  });

  const db = createDb(DB_URL);
  const writer = await makeUser(db, { roles: ["WRITER"], name: "Bench Writer" });
  const { article } = await makePublishedArticle(db, { authorId: writer.id, title: "Bench article" });
  await putSetting(db, "feedback.rateLimitPerWindow", 0);

  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: DB_URL,
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForServer(server);
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
    await run({ ...opts, amount: 2_000 }); // warm-up: JIT, route compilation, SQLite page cache
    const before = await db.feedback.count({ where: { articleId: article.id } });
    const cpuBefore = groupCpuSeconds(server.pid!);
    const result = await run({ ...opts, amount: REQUESTS });
    const serverCpu = groupCpuSeconds(server.pid!) - cpuBefore;
    const after = await db.feedback.count({ where: { articleId: article.id } });

    // Baseline: the same endpoint refusing an empty body at validation (no database work at all): the CPU the
    // framework itself spends per request, to compare the accepted path with.
    const floorCpuBefore = groupCpuSeconds(server.pid!);
    const floor = await run({ ...opts, requests: undefined, body: "{}", amount: Math.min(REQUESTS, 5_000) });
    const floorCpu = groupCpuSeconds(server.pid!) - floorCpuBefore;
    const floorCount = floor.statusCodeStats?.["400"]?.count ?? 0;

    const codes = result.statusCodeStats ?? {};
    const accepted = codes["201"]?.count ?? 0;
    const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
    const stored = after - before;
    const other = Object.entries(codes).filter(([code]) => code !== "201");
    console.log(`feedback endpoint bench — ${CONNECTIONS} connections, ${seconds.toFixed(1)} s, next start on ${BASE}`);
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
    console.log(
      `  baseline:            ${floorCount} requests refused at validation (400, no DB) cost ${((floorCpu * 1000) / Math.max(1, floorCount)).toFixed(2)} ms server CPU each, p99 ${floor.latency.p99} ms`,
    );
    console.log(
      `  rows stored in run:  ${stored}  ${stored === accepted ? "(= accepted: every accepted answer stored)" : `(MISMATCH: ${accepted} accepted)`}`,
    );
    if (stored !== accepted) process.exitCode = 1;
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
