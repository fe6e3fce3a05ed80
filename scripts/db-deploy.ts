// npm run db:deploy — applies committed migrations (offline, WebAssembly schema engine), then sets WAL mode.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "./lib/schema-engine";
import { databaseUrl } from "../lib/db/url";
import { databaseFilePath } from "./lib/db-file";

async function main() {
  const url = databaseUrl();
  // WAL is a property of the database file: set it once, before the engine opens it, so readers never wait
  // for the writer.
  mkdirSync(path.dirname(databaseFilePath(url)), { recursive: true });
  const db = new Database(databaseFilePath(url));
  db.pragma("journal_mode = WAL");
  db.close();
  const applied = await applyMigrations(url);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
