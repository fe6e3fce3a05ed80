// Is this SQLite file a sound Imprimatur database? PRAGMA integrity_check must say "ok" and the audit chain
// must verify (with AUDIT_HMAC_KEY when one is configured). Used by db:backup (on the copy it made) and by
// db:restore (before anything is replaced).
import Database from "better-sqlite3";
import { createDb } from "../../lib/db/client";
import { describeReport, verifyAuditChain } from "../../lib/audit/verify-chain";

export type FileCheck = { ok: true; summary: string } | { ok: false; problem: string };

export async function checkDatabaseFile(file: string): Promise<FileCheck> {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, problem: `not a readable SQLite database (${err instanceof Error ? err.message : err})` };
  }
  try {
    const rows = sqlite.pragma("integrity_check") as Array<{ integrity_check: string }>;
    const result = rows.map((r) => r.integrity_check).join("; ");
    if (result !== "ok") return { ok: false, problem: `integrity_check: ${result.slice(0, 500)}` };
    const hasAudit = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'AuditEvent'`).get();
    if (!hasAudit) return { ok: false, problem: "it has no audit log table: not an Imprimatur database" };
  } catch (err) {
    return { ok: false, problem: `not a readable SQLite database (${err instanceof Error ? err.message : err})` };
  } finally {
    sqlite.close();
  }
  const db = createDb(`file:${file}`);
  try {
    const report = await verifyAuditChain(db);
    if (!report.ok) return { ok: false, problem: describeReport(report) };
    return { ok: true, summary: `integrity_check ok; ${describeReport(report)}` };
  } finally {
    await db.$disconnect();
  }
}
