// db:backup taken from a running site while readers' answers keep arriving over HTTP (the feedback bench's
// load: concurrent POST /api/feedback, "inaccurate" reports writing audit events), restored with db:restore into
// a new file, and a second site started on it: the restored site serves pages and takes new answers, its audit
// chain verifies with `audit:verify`, and it holds every answer acknowledged before the backup began.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { putSetting } from "../../lib/settings/settings";
import { makePublicationHistory, makeUser } from "../helpers/factory";
import { deployDatabase, runScript, serverTestPort, startAppServer, type AppServer } from "./helpers/app-server";
import { startFeedbackLoad, waitFor } from "./helpers/feedback-load";

process.env.AUDIT_HMAC_KEY = "backup-site-test-audit-key-0123456789abcdef";
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-backup-site-"));
const servers: AppServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("backup of a running site", () => {
  it("restores into a working site whose audit chain verifies", async () => {
    const url = await deployDatabase(path.join(dir, "live.db"));
    const db = createDb(url);
    const writer = await makeUser(db, { roles: ["WRITER"], name: "Backup Writer" });
    const { article } = await makePublicationHistory(db, { authorId: writer.id, title: "Backup article" });
    await putSetting(db, "feedback.rateLimitPerWindow", 0);
    await db.$disconnect();

    const live = await startAppServer({ port: serverTestPort(2), databaseUrl: url });
    servers.push(live);
    const load = startFeedbackLoad({
      url: live.url,
      articleId: article.id,
      revisionId: article.liveRevisionId!,
      connections: 8,
      blockingEvery: 5,
    });
    await waitFor(() => load.acknowledged.size >= 100, 30_000);
    const acknowledgedBefore = new Set(load.acknowledged);
    const backupFile = path.join(dir, "backup.db");
    const backup = await runScript("scripts/db-backup.ts", [backupFile], url);
    const duringBackup = load.acknowledged.size - acknowledgedBefore.size;
    await load.stop();
    await live.stop();
    expect(backup.code, backup.out).toBe(0);
    expect(duringBackup, "answers acknowledged while the backup ran").toBeGreaterThan(0);

    const restoredFile = path.join(dir, "restored.db");
    const restoredUrl = `file:${restoredFile}`;
    const restore = await runScript("scripts/db-restore.ts", [backupFile], restoredUrl);
    expect(restore.code, restore.out).toBe(0);

    const verify = await runScript("scripts/audit-verify.ts", [], restoredUrl);
    expect(verify.code, verify.out).toBe(0);
    const sqlite = new Database(restoredFile, { readonly: true });
    const stored = new Set(
      (sqlite.prepare(`SELECT comment FROM "Feedback"`).all() as { comment: string }[]).map((r) => r.comment),
    );
    const audited = (sqlite.prepare(`SELECT COUNT(*) AS n FROM "AuditEvent"`).get() as { n: number }).n;
    sqlite.close();
    expect(
      [...acknowledgedBefore].filter((c) => !stored.has(c)),
      "acknowledged before the backup, missing",
    ).toEqual([]);
    expect(audited).toBeGreaterThan(0);

    const restored = await startAppServer({ port: serverTestPort(3), databaseUrl: restoredUrl });
    servers.push(restored);
    expect((await fetch(`${restored.url}/`)).status).toBe(200);
    const answer = await fetch(`${restored.url}/api/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        articleId: article.id,
        revisionId: article.liveRevisionId,
        helpful: "no",
        reason: "INACCURATE",
        comment: "after restore",
      }),
    });
    expect(answer.status).toBe(201);
    await restored.stop();
    const verifyAfter = await runScript("scripts/audit-verify.ts", [], restoredUrl);
    expect(verifyAfter.code, verifyAfter.out).toBe(0);
    console.log(
      `backup test: ${acknowledgedBefore.size} answers before the backup, ${duringBackup} acknowledged while it ran, ${stored.size} in the restored site, ${audited} audit events verified`,
    );
  }, 240_000);
});
