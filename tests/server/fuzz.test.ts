// Every route handler found in the file tree, sent what a broken or hostile client sends: malformed JSON, bodies
// that are not UTF-8, the wrong content type, shapes no schema wants, and bodies far over any cap, with a
// Content-Length and chunked without one. Signed in as a person holding every role, so each request gets past
// the guard to the body. No answer may be a 5xx, the server's memory must stay bounded (a body over the cap is
// never held whole), and no row may be stored.
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { TWO_FACTOR_SETTING } from "../../lib/auth/two-factor-policy";
import { createArticle } from "../../lib/articles/create-article";
import { putSetting } from "../../lib/settings/settings";
import { makePublicationHistory, makeUser } from "../helpers/factory";
import { findEntryPoints } from "../security/entry-points";
import { deployDatabase, serverTestPort, signInCookie, startAppServer, type AppServer } from "./helpers/app-server";

process.env.AUDIT_HMAC_KEY = "fuzz-test-audit-key-0123456789abcdef";
const ROOT = path.resolve(__dirname, "..", "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-fuzz-"));
const file = path.join(dir, "fuzz.db");
const port = serverTestPort(1);
let server: AppServer | null = null;

afterAll(async () => {
  await server?.stop("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
/** Far over every body cap of the application (the largest, image uploads, is a few tens of MB at most). */
const OVERSIZED_BYTES = 128 * MB;
/** How much the server's memory may grow over the whole run; holding one oversized body whole would exceed it. */
const RSS_GROWTH_LIMIT = 96 * MB;

interface Case {
  name: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Streamed: this many bytes of `{"a":"xxxx…`, with or without a Content-Length. */
  stream?: { bytes: number; declareLength: boolean };
}

const deep = "[".repeat(200_000) + "]".repeat(200_000);
const CASES: Case[] = [
  { name: "malformed JSON", headers: { "content-type": "application/json" }, body: '{"title": "x", "body": ' },
  { name: "empty JSON body", headers: { "content-type": "application/json" }, body: "" },
  {
    name: "not UTF-8",
    headers: { "content-type": "application/json" },
    body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22]),
  },
  { name: "JSON null", headers: { "content-type": "application/json" }, body: "null" },
  { name: "JSON array", headers: { "content-type": "application/json" }, body: "[1,2,3]" },
  { name: "JSON number out of range", headers: { "content-type": "application/json" }, body: '{"a": 1e999, "b": -0}' },
  {
    name: "prototype keys",
    headers: { "content-type": "application/json" },
    body: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}',
  },
  {
    name: "wrong field types",
    headers: { "content-type": "application/json" },
    body: '{"title": 5, "word": [], "version": "x", "id": {}}',
  },
  { name: "deeply nested", headers: { "content-type": "application/json" }, body: deep },
  { name: "JSON sent as text/plain", headers: { "content-type": "text/plain" }, body: '{"word": "fuzz"}' },
  { name: "no content type", headers: {}, body: '{"word": "fuzz"}' },
  {
    name: "form instead of JSON",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "word=fuzz&a=%ZZ",
  },
  {
    name: "broken multipart",
    headers: { "content-type": "multipart/form-data; boundary=xyz" },
    body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nnot an image',
  },
  { name: "multipart without boundary", headers: { "content-type": "multipart/form-data" }, body: "garbage" },
  { name: "XML", headers: { "content-type": "application/xml" }, body: "<a>fuzz</a>" },
  { name: "JSON with charset parameter", headers: { "content-type": "application/json; charset=utf-16" }, body: "{}" },
  {
    name: "oversized with Content-Length",
    headers: { "content-type": "application/json" },
    stream: { bytes: OVERSIZED_BYTES, declareLength: true },
  },
  {
    name: "oversized chunked",
    headers: { "content-type": "application/json" },
    stream: { bytes: OVERSIZED_BYTES, declareLength: false },
  },
  {
    name: "oversized chunked form",
    headers: { "content-type": "multipart/form-data; boundary=xyz" },
    stream: { bytes: OVERSIZED_BYTES, declareLength: false },
  },
];

const FILLER = Buffer.alloc(64 * 1024, "x");

/** One request over a raw socket, so a chunked body can be streamed and stopped as soon as the answer comes. */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  c: Case,
): Promise<{ status: number; sent: number }> {
  return new Promise((resolve) => {
    let status = 0;
    let sent = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve({ status, sent });
    };
    const body = c.body === undefined ? undefined : Buffer.from(c.body);
    const req = http.request(url, {
      method,
      headers: {
        ...headers,
        ...(body ? { "content-length": String(body.length) } : {}),
        ...(c.stream?.declareLength ? { "content-length": String(c.stream.bytes) } : {}),
      },
    });
    req.on("response", (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on("end", () => {
        req.destroy();
        finish();
      });
      res.on("error", finish);
    });
    // The server may answer (413) and close before the whole body is sent: that is the point.
    req.on("error", () => setTimeout(finish, 50));
    if (body) {
      req.end(body);
      return;
    }
    if (!c.stream) {
      req.end();
      return;
    }
    const total = c.stream.bytes;
    const pump = () => {
      while (!status && !req.destroyed && sent < total) {
        const chunk = sent === 0 ? Buffer.concat([Buffer.from('{"a":"'), FILLER]) : FILLER;
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!status && !req.destroyed) req.end();
    };
    pump();
  });
}

function rowCounts(dbFile: string): Record<string, number> {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    const tables = sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    sqlite.close();
  }
}

describe("fuzzing every route handler", () => {
  it("answers malformed, mistyped and oversized bodies with a 4xx, in bounded memory, storing nothing", async () => {
    const url = await deployDatabase(file);
    const db = createDb(url);
    const password = "fuzz-password-long-enough";
    const person = await makeUser(db, {
      roles: ["WRITER", "REVIEWER", "EDITOR", "ADMIN"],
      name: "Fuzz Person",
      password,
    });
    await putSetting(db, TWO_FACTOR_SETTING, "");
    const draft = await createArticle(db, person, { title: "Fuzzed article", template: "condition" });
    const { article: published } = await makePublicationHistory(db, {
      authorId: person.id,
      title: "Published fuzz article",
    });
    await db.$disconnect();

    server = await startAppServer({ port, databaseUrl: url });
    const cookie = await signInCookie(server.url, person.email, password);
    const params: Record<string, string> = {
      "[id]": draft.id,
      "[articleId]": draft.id,
      "[refId]": "no-such-reference",
      "[slug]": published.slug,
      "[token]": "no-such-token",
      "[file]": `${"0".repeat(64)}.webp`,
      "[...nextauth]": "callback/credentials",
    };
    const routes = findEntryPoints(ROOT)
      .filter((e) => e.kind === "route" && !["GET", "HEAD", "OPTIONS"].includes(e.name))
      .map((e) => ({ method: e.name, path: e.urlPath!.replace(/\[[^\]]+\]/g, (s) => params[s] ?? "x") }));
    expect(routes.length).toBeGreaterThan(10);

    // Warm up each route (first requests load code, and create the per-process secrets such as the readers'
    // client-hash secret), then take the baseline.
    const warmUp = CASES.filter((c) => c.name === "malformed JSON" || c.name === "form instead of JSON");
    for (const r of routes)
      for (const c of warmUp) await send(server.url + r.path, r.method, { cookie, ...c.headers }, c);
    const before = rowCounts(file);
    const baseline = server.rssBytes();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, server!.rssBytes())), 20);

    const serverErrors: string[] = [];
    const unanswered: string[] = [];
    const closedMidBody: string[] = [];
    const statuses = new Map<number, number>();
    let sentBytes = 0;
    try {
      for (const r of routes) {
        for (const c of CASES) {
          const { status, sent } = await send(server.url + r.path, r.method, { cookie, ...c.headers }, c);
          sentBytes += sent;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500) serverErrors.push(`${r.method} ${r.path} ${c.name}: ${status}`);
          // A handler that never reads the body may answer and close the connection while a huge body is still
          // coming; the client then sees the reset before the answer. Only acceptable for those bodies.
          if (status === 0 && c.stream) closedMidBody.push(`${r.method} ${r.path} ${c.name}`);
          else if (status === 0) unanswered.push(`${r.method} ${r.path} ${c.name}`);
        }
      }
    } finally {
      clearInterval(sampler);
    }
    const requests = routes.length * CASES.length;
    console.log(
      `fuzz: ${requests} requests to ${routes.length} route handlers; answers ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(
          ", ",
        )}; ${(sentBytes / MB).toFixed(0)} MB sent of ${((routes.length * 3 * OVERSIZED_BYTES) / MB).toFixed(0)} MB offered; server RSS ${(baseline / MB).toFixed(0)} MB → peak ${(peak / MB).toFixed(0)} MB`,
    );
    expect(serverErrors, server.output().slice(-3000)).toEqual([]);
    expect(unanswered, "requests that got no answer at all").toEqual([]);
    if (closedMidBody.length)
      console.log(`  closed while an oversized body was still arriving: ${closedMidBody.join("; ")}`);
    expect((await fetch(`${server.url}/signin`)).status, "the server still answers").toBe(200);
    expect(peak - baseline, "server memory growth (bytes)").toBeLessThan(RSS_GROWTH_LIMIT);
    expect(rowCounts(file)).toEqual(before);
  }, 600_000);
});
