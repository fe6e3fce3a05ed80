// Readers' answers under concurrent load, the server killed with SIGKILL mid-run (no chance to flush anything),
// then started again on the same file: every answer that was acknowledged with a 2xx is in the database, SQLite's
// integrity_check is ok, the keyed audit chain (written by the "inaccurate" reports) verifies, and the site takes
// new answers.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { putSetting } from "../../lib/settings/settings";
import { makePublicationHistory, makeUser } from "../helpers/factory";
import { deployDatabase, serverTestPort, startAppServer, type AppServer } from "./helpers/app-server";
import { startFeedbackLoad, waitFor } from "./helpers/feedback-load";

process.env.AUDIT_HMAC_KEY = "crash-test-audit-key-0123456789abcdef";
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-crash-"));
const file = path.join(dir, "crash.db");
const port = serverTestPort(0);
let server: AppServer | null = null;

afterAll(async () => {
  await server?.stop("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("crash under load", () => {
  it("keeps every acknowledged answer when the server is killed mid-run", async () => {
    const url = await deployDatabase(file);
    const db = createDb(url);
    const writer = await makeUser(db, { roles: ["WRITER"], name: "Crash Writer" });
    const { article } = await makePublicationHistory(db, { authorId: writer.id, title: "Crash article" });
    // The load comes from one address: without this every answer past the fifth would be 429.
    await putSetting(db, "feedback.rateLimitPerWindow", 0);
    await db.$disconnect();

    server = await startAppServer({ port, databaseUrl: url });
    const load = startFeedbackLoad({
      url: server.url,
      articleId: article.id,
      revisionId: article.liveRevisionId!,
      connections: 12,
      blockingEvery: 10,
    });
    // Kill it while answers are being written: after a few hundred acknowledgements, requests still in flight.
    await waitFor(() => load.acknowledged.size >= 300, 30_000);
    const started = Date.now();
    await server.stop("SIGKILL");
    const killedAt = load.acknowledged.size;
    await new Promise((r) => setTimeout(r, 200));
    await load.stop();
    expect(load.failed(), "requests cut off by the kill").toBeGreaterThan(0);

    server = await startAppServer({ port, databaseUrl: url });
    console.log(
      `crash test: ${load.acknowledged.size} answers acknowledged (${killedAt} when killed), ${load.failed()} cut off, restarted in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const sqlite = new Database(file, { readonly: true });
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const stored = new Set(
        (
          sqlite.prepare(`SELECT comment FROM "Feedback" WHERE articleId = ?`).all(article.id) as { comment: string }[]
        ).map((r) => r.comment),
      );
      const lost = [...load.acknowledged].filter((c) => !stored.has(c));
      expect(lost, "acknowledged but not in the database").toEqual([]);
      expect(load.otherStatuses.size ? Object.fromEntries(load.otherStatuses) : {}, "answers other than 2xx").toEqual(
        {},
      );
    } finally {
      sqlite.close();
    }

    const after = createDb(url);
    try {
      expect(await verifyAuditChain(after)).toMatchObject({ ok: true });
    } finally {
      await after.$disconnect();
    }
    const res = await fetch(`${server.url}/api/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ articleId: article.id, revisionId: article.liveRevisionId, helpful: "yes" }),
    });
    expect(res.status).toBe(201);
  }, 150_000);
});
