// The one Prisma client of the process. SQLite through better-sqlite3; WAL is set on the file by
// db:deploy, the busy timeout here so that a writer waits for another instead of failing at once.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "./url";
import { takeWriteLock } from "./write-lock";

export type Db = PrismaClient;
/** A client or an interactive transaction: lib functions that write take this so callers can compose them. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string = databaseUrl()): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url, timeout: 5000 });
  return lockOnBegin(new PrismaClient({ adapter }));
}

/**
 * Every interactive transaction takes SQLite's write lock with its first statement (see write-lock.ts:
 * the adapter's deferred BEGIN otherwise lets a read-then-write transaction fail at once with
 * SQLITE_BUSY_SNAPSHOT when another connection commits in between, instead of waiting its turn).
 */
function lockOnBegin(client: PrismaClient): PrismaClient {
  const original = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  (client as unknown as { $transaction: typeof original }).$transaction = (arg, options) =>
    typeof arg === "function"
      ? original(async (tx: DbTx) => {
          await takeWriteLock(tx);
          return (arg as (tx: DbTx) => Promise<unknown>)(tx);
        }, options)
      : original(arg, options);
  return client;
}

const globalForDb = globalThis as unknown as { imprimaturDb?: PrismaClient };

/** Shared client (kept on globalThis so dev-mode hot reload does not open a new connection each time). */
export const db: PrismaClient = globalForDb.imprimaturDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.imprimaturDb = db;
