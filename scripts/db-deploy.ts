// npm run db:deploy — applies committed migrations (offline, WebAssembly schema engine), then sets WAL mode.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "./lib/schema-engine";
import { databaseUrl } from "../lib/db/url";
import { databaseFilePath } from "./lib/db-file";
import { createDb } from "../lib/db/client";
import { rebuildSearchIndex } from "../lib/search/sync-article-search";

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
  await fillSearchIndex(url);
}

/** Articles published before the search existed (or a database restored without its index) get indexed once. */
async function fillSearchIndex(url: string) {
  const db = createDb(url);
  try {
    const [live, indexed] = await Promise.all([
      db.article.count({ where: { liveRevisionId: { not: null } } }),
      db.searchEntry.count(),
    ]);
    if (live !== indexed) console.log(`Search index: ${await rebuildSearchIndex(db)} articles indexed.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
