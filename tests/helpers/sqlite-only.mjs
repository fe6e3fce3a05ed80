// Test files that belong to one database's run only, each with the reason. Only files whose subject is that
// database itself belong here; the counterpart on the other database is named. (Plain ESM: vitest.config.mts
// loads it.)

/** Left out of the PostgreSQL run (TEST_DB=postgres). */
export const SQLITE_ONLY_TEST_FILES = {
  "lib/db/write-lock.test.ts":
    "drives SQLite's locking directly through better-sqlite3 connections on the test file (SQLITE_BUSY_SNAPSHOT); " +
    "lib/db/concurrent-writers.test.ts checks the same guarantee on both databases",
  "tests/page-cache/public-page-cache.test.ts":
    "drives the page cache with the SQLite file's change reader; on PostgreSQL the reader is " +
    "lib/page-cache/postgres-change-reader.test.ts, and npm run test:cluster checks the cache across processes",
  "tests/ops/backup-restore.test.ts":
    "db:backup and db:restore are SQLite's online backup API on the database file; a PostgreSQL site is backed " +
    "up with pg_dump (README)",
  "tests/upgrade/upgrade-from-fixtures.test.ts":
    "upgrades the SQLite files earlier releases left (0.1.0 ran on SQLite only; db:backup/db:restore are SQLite's); " +
    "tests/upgrade/upgraded-site-on-postgres.test.ts moves each upgraded fixture to PostgreSQL with db:copy",
};

/** Left out of the SQLite run. */
export const POSTGRES_ONLY_TEST_FILES = {
  "lib/page-cache/postgres-change-reader.test.ts":
    "LISTEN/NOTIFY exists only on PostgreSQL; on SQLite the page cache reads the counter from the file " +
    "(lib/page-cache/sqlite-change-reader.ts)",
  "tests/upgrade/upgraded-site-on-postgres.test.ts":
    "moves each upgraded SQLite fixture to PostgreSQL with db:copy, which needs the PostgreSQL pass's cluster; the " +
    "upgrade itself on SQLite is tests/upgrade/upgrade-from-fixtures.test.ts",
};
