// Interactive transactions take SQLite's write lock with their first statement (createDb installs this on
// every client's $transaction).
//
// Why: the driver adapter starts transactions with a plain (deferred) BEGIN. A transaction that reads first
// and writes later fails at once with SQLITE_BUSY_SNAPSHOT (Prisma: P1008 "Operation has timed out") if
// another connection committed in between; no busy timeout helps, because its snapshot is stale. Several
// connections to the one file are normal (CLI scripts, the e2e test process, more than one client in the
// server's bundles). Writing first (an UPDATE that matches no row still takes the lock) makes the second
// writer wait for the busy timeout instead, and the reads that follow see the latest committed data.
// Cost: one no-op statement per transaction; writers are serialised, which SQLite does anyway.
import type { DbTx } from "./client";

export async function takeWriteLock(tx: DbTx): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE "Setting" SET "key" = "key" WHERE 0`);
}
