// npm run db:deploy — applies committed migrations to DATABASE_URL (offline, WebAssembly schema engine):
// prisma/migrations for a SQLite file (which is first switched to WAL mode), prisma/postgres/migrations for a
// postgres:// URL.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "./lib/schema-engine";
import { databaseUrl, isPostgresUrl } from "../lib/db/url";
import { databaseFilePath } from "./lib/db-file";

async function main() {
  const url = databaseUrl();
  if (!isPostgresUrl(url)) {
    // WAL is a property of the database file: set it once, before the engine opens it, so readers never wait
    // for the writer. (PostgreSQL needs no such setting: readers never wait for writers there.)
    mkdirSync(path.dirname(databaseFilePath(url)), { recursive: true });
    const db = new Database(databaseFilePath(url));
    db.pragma("journal_mode = WAL");
    db.close();
  }
  const applied = await applyMigrations(url);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
