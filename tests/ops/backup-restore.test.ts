// db:backup while readers' feedback keeps arriving, then db:restore into another file: the restored database
// passes integrity_check, its keyed audit chain verifies, and it holds every answer the backup held. A backup
// that fails its checks is refused by db:restore without touching the target.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { submitFeedback } from "../../lib/feedback/submit-feedback";
import { makePublicationHistory, makeUser } from "../helpers/factory";
import { createTestDb } from "../helpers/test-db";

const run = promisify(execFile);
process.env.AUDIT_HMAC_KEY = "backup-test-audit-key-0123456789abcdef";
const t = createTestDb();
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-backup-"));
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(script: string, file: string, databaseUrl: string) {
  try {
    const { stdout } = await run("npx", ["tsx", script, file], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("db:backup and db:restore", () => {
  it("a backup taken under a feedback load restores into a database that checks out", async () => {
    new Database(t.url.slice(5)).pragma("journal_mode = WAL");
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const { article } = await makePublicationHistory(t.db, { authorId: writer.id });
    const open = { limit: 0, windowSeconds: 60 };
    let stop = false;
    let sent = 0;
    const load = (async () => {
      while (!stop) {
        const batch = Array.from({ length: 20 }, (_, i) =>
          submitFeedback(
            t.db,
            {
              articleId: article.id,
              revisionId: article.liveRevisionId,
              helpful: "no",
              // Blocking reasons take the audited path: the audit chain grows during the backup too.
              reason: i % 5 === 0 ? "INACCURATE" : "UNCLEAR",
              comment: `answer ${sent + i}`,
            },
            { clientHash: String(sent + i).padStart(32, "0") },
            { rule: open, blockingRule: { limit: 1000, windowSeconds: 3600 } },
          ),
        );
        await Promise.all(batch);
        sent += batch.length;
      }
    })();

    const backupFile = path.join(dir, "backup.db");
    const backup = await cli("scripts/db-backup.ts", backupFile, t.url);
    stop = true;
    await load;
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/integrity_check ok; Audit chain intact/);
    expect(sent).toBeGreaterThan(0);

    const restoredUrl = `file:${path.join(dir, "restored.db")}`;
    const restore = await cli("scripts/db-restore.ts", backupFile, restoredUrl);
    expect(restore.code, restore.out).toBe(0);

    const restored = createDb(restoredUrl);
    try {
      expect(await verifyAuditChain(restored)).toMatchObject({ ok: true });
      const inBackup = new Database(backupFile, { readonly: true });
      const backupRows = (inBackup.prepare(`SELECT COUNT(*) AS n FROM "Feedback"`).get() as { n: number }).n;
      inBackup.close();
      expect(await restored.feedback.count()).toBe(backupRows);
      expect(backupRows).toBeGreaterThan(0);
      // A working database: it takes new writes.
      await submitFeedback(
        restored,
        { articleId: article.id, revisionId: article.liveRevisionId, helpful: "no", reason: "OUTDATED" },
        { clientHash: "f".repeat(32) },
        { rule: open, blockingRule: { limit: 1000, windowSeconds: 3600 } },
      );
      expect(await verifyAuditChain(restored)).toMatchObject({ ok: true });
    } finally {
      await restored.$disconnect();
    }
  }, 240_000);

  it("refuses a file that is not a sound database and leaves the target alone", async () => {
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "this is not a database");
    const targetUrl = `file:${path.join(dir, "untouched.db")}`;
    const r = await cli("scripts/db-restore.ts", junk, targetUrl);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Refusing to restore/);
    expect(existsSync(path.join(dir, "untouched.db"))).toBe(false);
  }, 120_000);
});
