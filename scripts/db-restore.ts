// npm run db:restore -- <file> — replaces the configured database with a backup, after checking the backup:
// a file that fails PRAGMA integrity_check or audit verification (with AUDIT_HMAC_KEY from .env) is refused and
// nothing is touched.
//
// Stop the server first. The copy itself goes through SQLite's backup API and locking, so a running server
// never reads a half-written file, but it keeps pages, settings and counters in memory that would describe the
// database from before the restore until it restarts. The current database is kept beside it first
// (<name>.before-restore-<time>.db), so a restore can itself be undone.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import path from "node:path";
import { databaseUrl } from "../lib/db/url";
import { databaseFilePath } from "./lib/db-file";
import { loadDotEnv } from "./lib/load-env";
import { checkDatabaseFile } from "./lib/check-database-file";

async function main() {
  loadDotEnv();
  const source = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!source) {
    console.error("Usage: npm run db:restore -- <backup file>   (stop the server first)");
    process.exit(2);
  }
  const backup = path.resolve(source);
  const check = await checkDatabaseFile(backup);
  if (!check.ok) {
    console.error(`Refusing to restore ${backup}: ${check.problem}`);
    process.exit(1);
  }
  console.log(`Backup checked: ${check.summary}`);

  const live = databaseFilePath(databaseUrl());
  if (existsSync(live)) {
    const saved = live.replace(/\.db$/, "") + `.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}.db`;
    const current = new Database(live, { fileMustExist: true });
    try {
      await current.backup(saved); // consistent even if something still writes
    } finally {
      current.close();
    }
    console.log(`The current database was saved to ${saved}.`);
  }
  const from = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await from.backup(live);
  } finally {
    from.close();
  }
  const restored = new Database(live, { fileMustExist: true });
  try {
    restored.pragma("journal_mode = WAL");
    const result = (restored.pragma("integrity_check") as Array<{ integrity_check: string }>)[0]?.integrity_check;
    if (result !== "ok") throw new Error(`the restored database fails integrity_check (${result})`);
  } finally {
    restored.close();
  }
  console.log(`Restored ${backup} into ${live}. Start (or restart) the server now.`);
}

main().catch((err) => {
  console.error("db:restore failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
