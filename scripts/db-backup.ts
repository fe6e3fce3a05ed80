// npm run db:backup -- <file> — a consistent copy of the SQLite database while the site runs. Uses SQLite's
// online backup (better-sqlite3 `.backup()`), which copies pages in steps and restarts when another connection
// writes meanwhile, so the copy is one committed state even under load; WAL content is included. The copy is
// then checked (PRAGMA integrity_check and the audit chain) before this exits 0.
//
// Daily, e.g. from cron (keep 14 days):
//   15 3 * * * cd /srv/imprimatur && npm run -s db:backup -- backups/$(date +\%F).db && find backups -mtime +14 -delete
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl } from "../lib/db/url";
import { databaseFilePath } from "./lib/db-file";
import { loadDotEnv } from "./lib/load-env";
import { checkDatabaseFile } from "./lib/check-database-file";

async function main() {
  loadDotEnv();
  const target = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!target) {
    console.error("Usage: npm run db:backup -- <file>");
    process.exit(2);
  }
  const destination = path.resolve(target);
  if (existsSync(destination) && !process.argv.includes("--force")) {
    console.error(`${destination} exists; choose a new file name (or add --force to overwrite it).`);
    process.exit(2);
  }
  mkdirSync(path.dirname(destination), { recursive: true });
  const source = new Database(databaseFilePath(databaseUrl()), { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  try {
    await source.backup(destination);
  } finally {
    source.close();
  }
  const check = await checkDatabaseFile(destination);
  if (!check.ok) {
    console.error(`The backup at ${destination} failed its check: ${check.problem}`);
    process.exit(1);
  }
  console.log(`Backup written to ${destination} (${check.summary}).`);
}

main().catch((err) => {
  console.error("db:backup failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
