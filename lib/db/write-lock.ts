// Interactive transactions take the database's write lock with their first statement (createDb installs this
// on every client's $transaction), so that writers run one after another on both databases and the domain code
// can read-then-write inside a transaction without lost updates (the audit chain reads the previous hash, a
// workflow step reads the status it changes).
//
// SQLite: the driver adapter starts transactions with a plain (deferred) BEGIN. A transaction that reads first
// and writes later fails at once with SQLITE_BUSY_SNAPSHOT (Prisma: P1008 "Operation has timed out") if
// another connection committed in between; no busy timeout helps, because its snapshot is stale. Writing first
// (an UPDATE that matches no row still takes the lock) makes the second writer wait for the busy timeout
// instead, and the reads that follow see the latest committed data.
//
// PostgreSQL: a transaction-scoped advisory lock on one fixed key, taken by every process on the database,
// released at COMMIT/ROLLBACK. At READ COMMITTED, each statement after it sees everything committed before the
// lock was granted, which is the same serial order SQLite gives. Plain reads (outside $transaction) never wait.
// Cost: one statement per transaction; write transactions are serialised, as on SQLite.
import type { DbTx } from "./client";
import { dialectOf } from "./dialect";

/** Arbitrary fixed key of the database-wide write lock (pg_advisory_xact_lock takes a bigint). */
export const WRITE_LOCK_KEY = 7_470_717;

export async function takeWriteLock(tx: DbTx): Promise<void> {
  if (dialectOf(tx) === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
  else await tx.$executeRawUnsafe(`UPDATE "Setting" SET "key" = "key" WHERE 0`);
}
