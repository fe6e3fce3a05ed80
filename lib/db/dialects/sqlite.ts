// SQLite (a `file:` DATABASE_URL, the embedded default) through better-sqlite3: one process, or several on one
// machine sharing the file.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import { openSqliteChangeReader } from "../../page-cache/sqlite-change-reader";
import { sqliteSearchIndex } from "../../search/sqlite-search-index";
import { sqliteDraftSearch } from "../../article-list/sqlite-draft-search";
import type { DbTx } from "../client";
import type { DatabaseDialect } from "./dialect";
import { SQLITE_EXTERNAL_TABLES, SQLITE_OBJECTS } from "./sqlite-objects";

/** Path of the database file of a `file:` URL (relative paths are relative to the working directory). */
export function sqliteFileFromUrl(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  return url.slice("file:".length).split("?")[0];
}

const tunedForLargeIndexes = new WeakSet<object>();

export const sqliteDialect: DatabaseDialect = {
  name: "sqlite",

  // The busy timeout makes a writer wait for another instead of failing at once. WAL is set on the file by
  // db:deploy (prepareForMigrations below).
  openClient: (url) => new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) }),

  // The driver adapter starts transactions with a plain (deferred) BEGIN. A transaction that reads first and
  // writes later fails at once with SQLITE_BUSY_SNAPSHOT (Prisma: P1008 "Operation has timed out") if another
  // connection committed in between; no busy timeout helps, because its snapshot is stale. Writing first (an
  // UPDATE that matches no row still takes the lock) makes the second writer wait for the busy timeout instead,
  // and the reads that follow see the latest committed data. (lib/db/write-lock.test.ts)
  async takeWriteLock(tx) {
    await tx.$executeRawUnsafe(`UPDATE "Setting" SET "key" = "key" WHERE 0`);
  },

  // The defaults (2 MB page cache, no memory mapping) are sized for small tables; the plagiarism fingerprint
  // index of a 10,000-document corpus is ~70 MB of B-tree, and both a bulk import (inserts land all over the key
  // space) and a check (hundreds of key lookups) slow down once most pages must be fetched through read() again.
  // A 64 MB cache and memory-mapped reads keep them flat. Both are per connection and change nothing on disk, so
  // setting them is safe for every other user of the connection.
  async tuneForLargeIndexes(db: DbTx) {
    if (tunedForLargeIndexes.has(db)) return;
    tunedForLargeIndexes.add(db);
    try {
      await db.$queryRawUnsafe("PRAGMA cache_size = -65536");
      await db.$queryRawUnsafe("PRAGMA mmap_size = 268435456");
    } catch {
      // Not fatal: only slower. (Some adapters refuse PRAGMA inside a transaction.)
    }
  },

  // Read from the file on every request: a few microseconds, so no process ever serves a page older than the
  // last commit of any other.
  openChangeReader(url) {
    const file = sqliteFileFromUrl(url);
    return file ? openSqliteChangeReader(file) : null;
  },

  siteSearch: sqliteSearchIndex,
  draftSearch: sqliteDraftSearch,
  wordList: `SELECT value FROM json_each(?)`,
  // SQLite's LIKE (Prisma's `contains` there) already ignores ASCII case.
  containsIgnoringCase: (text) => ({ contains: text }),

  async highestAuditEventId(db) {
    const seq = await db.$queryRawUnsafe<Array<{ seq: number | bigint }>>(
      `SELECT seq FROM sqlite_sequence WHERE name = 'AuditEvent'`,
    );
    return seq.length ? Number(seq[0].seq) : 0;
  },

  placeholder: () => "?",
  // Prisma keeps DateTime in SQLite as ISO text with an explicit offset ("2026-11-25T17:05:49.010+00:00") and
  // compares it as text, so raw writes must use exactly that form.
  dateTimeParam: (d) => d.toISOString().replace("Z", "+00:00"),
  booleanParam: (b) => (b ? 1 : 0),

  schemaPath: "prisma/schema.prisma",
  migrationsDir: "prisma/migrations",
  databaseExists(url) {
    const file = sqliteFileFromUrl(url);
    return !!file && existsSync(path.resolve(/* turbopackIgnore: true */ file));
  },
  // WAL is a property of the database file: set it once, before the schema engine opens it, so that readers
  // never wait for the writer.
  prepareForMigrations(url) {
    const file = sqliteFileFromUrl(url);
    if (!file) throw new Error(`Not a SQLite file URL: ${url}`);
    mkdirSync(path.dirname(path.resolve(/* turbopackIgnore: true */ file)), { recursive: true }); // data, not code
    const db = new Database(file);
    try {
      db.pragma("journal_mode = WAL");
    } finally {
      db.close();
    }
  },
  rawObjects: SQLITE_OBJECTS,
  externalTables: SQLITE_EXTERNAL_TABLES,
};
