// Test files left out of the PostgreSQL run (TEST_DB=postgres), each with the reason. Only files whose subject
// is SQLite itself belong here; their PostgreSQL counterpart is named. (Plain ESM: vitest.config.mts loads it.)
export const SQLITE_ONLY_TEST_FILES = {
  "lib/db/write-lock.test.ts":
    "drives SQLite's locking directly through better-sqlite3 connections on the test file (SQLITE_BUSY_SNAPSHOT); " +
    "lib/db/concurrent-writers.test.ts checks the same guarantee on both databases",
};
