// Co-editing benchmark: npm run bench:co-editing [-- --samples 400 --docs 20 --words 10000]
//   1. latency between two writers on loopback: client A types a character (a Yjs update plus its cursor, as
//      the editor sends them) and the time until client B's document has it, then the other way round;
//      --samples keystrokes, one every ~20 ms (a fast typist), on a 10,000-word draft (so the server's
//      debounced stores of the whole draft happen during the run, as they do in real use). Measured straight to
//      the co-editing server and through the /collab hand-off the app does (lib/collab/proxy-upgrade.ts).
//      Also across two co-editing nodes sharing the document through Redis (Debian's redis-server, started in a
//      temporary folder; lib/collab/collab-nodes.ts): writer A on one node, writer B on the other.
//      Target: p95 < 100 ms; the ratio is p95 / target.
//   2. the co-editing server's memory per open document: --docs drafts of --words words are opened (one
//      client each; the server fills each shared document from the stored draft); heap and RSS of the server
//      process after a full GC, before and after, divided by the number of documents.
// The co-editing server and the hand-off run in their own processes (bench/co-editing-child.ts) over a fresh
// migrated SQLite file; the clients run here (Node's WebSocket via `ws`), so a client's clock times both ends.
import { fork, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import WebSocket from "ws";
import * as Y from "yjs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { documentNameFor, mintCollabTicket } from "../lib/collab/collab-token";
import { BODY_FIELD } from "../lib/collab/collab-document";
import { makeSampler, makeText, makeVocabulary, rng } from "./synthetic-text";
import { startRedisServer, type RedisServer } from "../scripts/lib/redis-server";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const SAMPLES = arg("samples", 400);
const DOCS = arg("docs", 20);
const WORDS = arg("words", 10_000);
const PORT = Number(process.env.BENCH_PORT || 4080);
const COLLAB_PORT = PORT;
const PROXY_PORT = PORT + 1;
/** The two co-editing nodes of the cross-node row. */
const NODE_PORTS = [PORT + 2, PORT + 3];
const TARGET_P95_MS = 100;
const SECRET = randomBytes(24).toString("base64url");
const WRITERS = ["writer-a", "writer-b"];
const sessionOf = (writer: string) => `session-${writer}`;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function seed(file: string) {
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  const r = rng(7);
  const sample = makeSampler(makeVocabulary(20_000), r);
  const now = Date.now();
  const insertUser = raw.prepare(
    "INSERT INTO User (id, email, name, passwordHash, updatedAt) VALUES (?, ?, ?, 'x', ?)",
  );
  const insertRole = raw.prepare("INSERT INTO UserRole (userId, role) VALUES (?, 'WRITER')");
  // A signed-in session per writer (tickets name one; the server checks it is open). Prisma's SQLite format.
  const insertSession = raw.prepare("INSERT INTO UserSession (id, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)");
  const sqliteTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const insertArticle = raw.prepare(
    "INSERT INTO Article (id, slug, status, createdById, createdAt, updatedAt) VALUES (?, ?, 'DRAFT', ?, ?, ?)",
  );
  const insertAuthor = raw.prepare("INSERT INTO ArticleAuthor (articleId, userId) VALUES (?, ?)");
  const insertDraft = raw.prepare(
    "INSERT INTO WorkingDraft (articleId, title, summary, conditionName, bodyJson, updatedAt) VALUES (?, ?, '', ?, ?, ?)",
  );
  let jsonBytes = 0;
  raw.transaction(() => {
    for (const w of WRITERS) {
      insertUser.run(w, `${w}@bench.local`, w, now);
      insertRole.run(w);
      insertSession.run(sessionOf(w), w, sqliteTime(now), sqliteTime(now + 8 * 3600_000));
    }
    for (let i = 0; i <= DOCS; i++) {
      const id = `doc${i}`;
      const body = {
        type: "doc",
        content: makeText(WORDS, sample, r)
          .split("\n\n")
          .map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
      };
      const json = JSON.stringify(body);
      if (i > 0) jsonBytes += json.length;
      insertArticle.run(id, id, WRITERS[0], now, now);
      for (const w of WRITERS) insertAuthor.run(id, w);
      insertDraft.run(id, `Draft ${i}`, `Condition ${i}`, json, now);
    }
  })();
  raw.close();
  return { jsonBytesPerDoc: jsonBytes / DOCS };
}

function start(args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, "co-editing-child.ts"), args, {
    execArgv: ["--expose-gc", "--import", "tsx"],
    env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => (m === "ready" ? resolve(child) : reject(new Error(String(m)))));
    child.once("exit", (code) => reject(new Error(`bench child ${args[0]} exited (${code})`)));
  });
}

function serverMemory(server: ChildProcess): Promise<{ heapUsed: number; rss: number; arrayBuffers: number }> {
  return new Promise((resolve) => {
    server.once("message", (m) => resolve(m as { heapUsed: number; rss: number; arrayBuffers: number }));
    server.send("memory");
  });
}

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
}

async function connect(url: string, userId: string, articleId: string): Promise<Client> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentNameFor(articleId),
    document: doc,
    token: mintCollabTicket(SECRET, { userId, sessionId: sessionOf(userId), sessionVersion: 0, articleId }),
  });
  provider.setAwarenessField("user", { name: userId, color: "#333" });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync with ${url} in 60 s`)), 60_000);
    provider.on("synced", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { doc, provider, socket };
}

function close(c: Client) {
  c.provider.destroy();
  c.socket.destroy();
}

/** The text node of the body's first paragraph: where a writer types. */
const firstText = (doc: Y.Doc) =>
  (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as unknown as Y.XmlText;

async function latency(url: string, articleId: string, urlOfB = url): Promise<number[]> {
  const a = await connect(url, WRITERS[0], articleId);
  const b = await connect(urlOfB, WRITERS[1], articleId);
  const out: number[] = [];
  try {
    for (let i = 0; i < SAMPLES + 20; i++) {
      const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
      const text = firstText(from.doc);
      const arrived = new Promise<number>((resolve) => to.doc.once("update", () => resolve(performance.now())));
      const t0 = performance.now();
      text.insert(text.length, i % 2 === 0 ? "a" : "b");
      from.provider.setAwarenessField("cursor", { at: text.length });
      const t1 = await Promise.race([arrived, sleep(10_000).then(() => NaN)]);
      if (i >= 20) out.push(t1 - t0); // the first 20 warm up
      await sleep(20);
    }
    if (firstText(a.doc).toString() !== firstText(b.doc).toString()) throw new Error("The two clients diverged.");
  } finally {
    close(a);
    close(b);
  }
  return out;
}

function report(name: string, xs: number[]) {
  const lost = xs.filter((x) => Number.isNaN(x)).length;
  const ok = xs.filter((x) => !Number.isNaN(x));
  const p95 = pct(ok, 0.95);
  console.log(
    `${name.padEnd(34)} p50 ${pct(ok, 0.5).toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   ` +
      `p99 ${pct(ok, 0.99).toFixed(2).padStart(7)} ms   max ${Math.max(...ok)
        .toFixed(1)
        .padStart(7)} ms   ` +
      `p95/target ${(p95 / TARGET_P95_MS).toFixed(2)}${lost ? `   ${lost} never arrived` : ""}`,
  );
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-bench-coedit-"));
  const file = path.join(dir, "bench.db");
  const children: ChildProcess[] = [];
  let redis: RedisServer | null = null;
  try {
    // Migrated into a template first: the schema engine keeps its connection until the process ends.
    const template = path.join(dir, "template.db");
    await applyMigrations(`file:${template}`);
    copyFileSync(template, file);
    const t0 = performance.now();
    const { jsonBytesPerDoc } = seed(file);
    console.log(
      `Seeded ${DOCS + 1} drafts of ${WORDS.toLocaleString("en")} words (${mb(jsonBytesPerDoc)} of JSON each) in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    const env = { ...process.env, DATABASE_URL: `file:${file}`, NEXTAUTH_SECRET: SECRET };
    const server = await start(["server", String(COLLAB_PORT)], env);
    children.push(server);
    children.push(await start(["proxy", String(PROXY_PORT), String(COLLAB_PORT)], env));

    console.log(`\nLatency, one keystroke from one writer to the other (${SAMPLES} samples, target p95 < 100 ms):`);
    report("straight to the co-editing server", await latency(`ws://127.0.0.1:${COLLAB_PORT}`, "doc0"));
    report("through the app's /collab hand-off", await latency(`ws://127.0.0.1:${PROXY_PORT}/collab`, "doc0"));
    redis = await startRedisServer();
    const nodes = await Promise.all(
      NODE_PORTS.map((port, i) =>
        start(["server", String(port)], { ...env, COLLAB_REDIS_URL: redis!.url, COLLAB_NODE_ID: `node-${i + 1}` }),
      ),
    );
    children.push(...nodes);
    report(
      "across two nodes (through Redis)",
      await latency(`ws://127.0.0.1:${NODE_PORTS[0]}`, "doc0", `ws://127.0.0.1:${NODE_PORTS[1]}`),
    );
    for (const node of nodes) node.kill("SIGTERM");

    // Memory: after the latency runs, so that code paths are warm; doc0 stays unloaded (its clients left).
    await sleep(500);
    const before = await serverMemory(server);
    const clients: Client[] = [];
    const t1 = performance.now();
    for (let i = 1; i <= DOCS; i++) clients.push(await connect(`ws://127.0.0.1:${COLLAB_PORT}`, WRITERS[0], `doc${i}`));
    const openMs = (performance.now() - t1) / DOCS;
    const after = await serverMemory(server);
    const update = Y.encodeStateAsUpdate(clients[0].doc).length;
    console.log(
      `\nMemory of the co-editing server per open ${WORDS.toLocaleString("en")}-word document (${DOCS} open, after a full GC):`,
    );
    console.log(`  heap   ${mb((after.heapUsed - before.heapUsed) / DOCS)} per document`);
    // Indicative only: the allocator keeps pages freed earlier in the run, so RSS can even shrink.
    console.log(`  RSS    ${mb((after.rss - before.rss) / DOCS)} per document (indicative: freed pages are reused)`);
    console.log(
      `  (the stored draft is ${mb(jsonBytesPerDoc)} of JSON, its Yjs state ${mb(update)}; opening one took ${openMs.toFixed(0)} ms)`,
    );
    console.log(
      `  heap ratio to the stored JSON: ${((after.heapUsed - before.heapUsed) / DOCS / jsonBytesPerDoc).toFixed(1)}×`,
    );
    for (const c of clients) close(c);
    console.log(
      `\nload average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
