// npx tsx bench/not-modified-floor.ts — where the CPU of a readers' 304 goes, one part at a time. bench:article
// compares the app's 304 with a plain Node server's; this starts standalone servers that each add one thing the
// app's process has and the plain server has not, cumulatively, and prints the CPU per 304 (from /proc, as
// bench:article reads it) of each:
//   plain        the bench:article baseline: writeHead(304, { ETag }) and end
//   + headers    the app's 304 headers (Cache-Control, ETag, Vary, the public Content-Security-Policy), as
//                PublicPageCache prepares them once per stored page
//   + counter    the public change counter read per request (lib/page-cache/sqlite-change-reader.ts on a WAL file)
//   + stamp      the socket-address stamp's patch of http.Server.prototype.emit (lib/http/stamp-socket-address.ts,
//                installed by instrumentation.ts), with the server stamping its own requests as server.ts does
//   + ALS        8 enabled AsyncLocalStorages, as Next and React leave enabled in the app's process (Node 20 runs
//                their async hook for every async resource a request creates: parser, write, nextTick)
//   + heap       150 MB of small live objects, about the app's heap once Next has loaded its routes
// BENCH_PORT (default 3158), BENCH_DURATION (5 s), BENCH_ROUNDS (3), BENCH_CONNECTIONS (10). Servers run one at
// a time, in alternation, and the median of the rounds is printed: read the differences within one run.
import { spawn, type ChildProcess } from "node:child_process";
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { openSqliteChangeReader } from "../lib/page-cache/sqlite-change-reader";
import { publicContentSecurityPolicy } from "../lib/http/security-headers";
import { installSocketAddressStamp, stampSocketAddress, stampsItsOwnRequests } from "../lib/http/stamp-socket-address";
import { waitForAnswer } from "../scripts/lib/app-processes";

const STEPS = ["plain", "headers", "counter", "stamp", "als", "heap"] as const;
type Step = (typeof STEPS)[number];
const ETAG = '"3q2-7wLSx0fu1nKkIuJ5Lwq0sQWbnBqTmUHq-gz"';

function serve(port: number, upTo: Step, dbFile: string) {
  const has = (s: Step) => STEPS.indexOf(s) <= STEPS.indexOf(upTo);
  const headers = has("headers")
    ? [
        ...["cache-control", "public, max-age=0, s-maxage=60, stale-while-revalidate=600", "etag", ETAG],
        ...["vary", "Accept-Encoding", "content-security-policy", publicContentSecurityPolicy({ https: false })],
      ]
    : ["etag", ETAG];
  const reader = has("counter") ? openSqliteChangeReader(dbFile) : null;
  if (has("stamp")) installSocketAddressStamp();
  if (has("als"))
    for (let i = 0; i < 8; i++) {
      const storage = new AsyncLocalStorage<number>();
      storage.run(i, () => undefined); // run() enables it for good, as Next's and React's are
    }
  const retained: unknown[] = [];
  if (has("heap")) for (let i = 0; i < 1_500_000; i++) retained.push({ i, s: `value ${i}`, next: null });
  const server = http.createServer((req, res) => {
    if (reader && reader.read() === null) throw new Error("no counter");
    if (req.headers["if-none-match"] !== ETAG) {
      if (has("stamp")) stampSocketAddress(req);
      res.writeHead(200).end("ok");
      return;
    }
    res.writeHead(304, headers);
    res.end();
  });
  if (has("stamp")) stampsItsOwnRequests(server);
  server.listen(port, "127.0.0.1");
  (globalThis as { retained?: unknown }).retained = retained;
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main() {
  if (process.argv[2] === "serve") return serve(Number(process.argv[3]), process.argv[4] as Step, process.argv[5]);
  const port = Number(process.env.BENCH_PORT || 3158);
  const duration = Number(process.env.BENCH_DURATION || 5);
  const rounds = Number(process.env.BENCH_ROUNDS || 3);
  const connections = Number(process.env.BENCH_CONNECTIONS || 10);
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-304-floor-"));
  const dbFile = path.join(dir, "counter.db");
  const raw = new Database(dbFile);
  raw.pragma("journal_mode = WAL");
  raw.exec(`CREATE TABLE "PublicChange" ("id" INTEGER PRIMARY KEY, "counter" INTEGER NOT NULL)`);
  raw.exec(`INSERT INTO "PublicChange" VALUES (1, 7)`);
  const cpu: Record<Step, number[]> = { plain: [], headers: [], counter: [], stamp: [], als: [], heap: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const step of STEPS) {
        const child: ChildProcess = spawn(
          process.execPath,
          ["--import", "tsx", __filename, "serve", String(port), step, dbFile],
          { stdio: ["ignore", "ignore", "inherit"] },
        );
        try {
          await waitForAnswer(`http://127.0.0.1:${port}/`, { timeoutMs: 60_000 });
          const opts = { url: `http://127.0.0.1:${port}/`, connections, headers: { "if-none-match": ETAG } };
          await autocannon({ ...opts, duration: 1 });
          const before = cpuSeconds(child.pid!);
          const r = await autocannon({ ...opts, duration });
          if (r.non2xx !== r.requests.total || r.errors) throw new Error(`${step}: not every answer was a 304`);
          cpu[step].push(((cpuSeconds(child.pid!) - before) * 1e6) / r.requests.total);
        } finally {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGKILL");
          await exited;
        }
      }
    }
  } finally {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `CPU per 304, cumulative (${rounds} rounds × ${duration} s, c=${connections}; node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} cores):`,
  );
  let previous = 0;
  for (const step of STEPS) {
    const us = median(cpu[step]);
    console.log(
      `  ${`${step === "plain" ? "" : "+ "}${step}`.padEnd(10)} ${us.toFixed(1).padStart(6)} µs` +
        (step === "plain" ? "" : `  (${us - previous >= 0 ? "+" : ""}${(us - previous).toFixed(1)})`) +
        `   rounds: ${cpu[step].map((x) => x.toFixed(1)).join(", ")}`,
    );
    previous = us;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
