// npm run db:deploy — applies committed migrations (offline, WebAssembly schema engine), then sets WAL mode,
// and anchors the audit chain to AUDIT_HMAC_KEY when one is configured (lib/audit/record-event.ts).
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "./lib/schema-engine";
import { databaseUrl } from "../lib/db/url";
import { databaseFilePath } from "./lib/db-file";
import { loadDotEnv } from "./lib/load-env";
import { createDb } from "../lib/db/client";
import { ensureChainKeyed } from "../lib/audit/record-event";

async function main() {
  loadDotEnv();
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
  const client = createDb(url);
  try {
    if (await client.$transaction((tx) => ensureChainKeyed(tx))) console.log("Audit chain is keyed (AUDIT_HMAC_KEY).");
  } finally {
    await client.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
