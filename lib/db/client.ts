// The one Prisma client of the process, for either database, chosen by DATABASE_URL:
//   file:…        SQLite through better-sqlite3 (the embedded default)
//   postgres://…  PostgreSQL through pg (several app processes on one database)
// Everything the two do differently is in their adapters (lib/db/dialects/sqlite.ts, postgres.ts), chosen here,
// once per client: the client and each of its interactive transactions carry their adapter (`dialectFor(db)`).
// Prisma 7 generates a client per schema provider, so there are two generated clients (lib/generated/prisma and
// lib/generated/prisma-pg, from the same model); the rest of the code sees one type, `Db`. Both expose the same
// model API; provider-only extras are not used.
import type { PrismaClient } from "../generated/prisma/client";
import { attachDialect, type DatabaseDialect } from "./dialects/dialect";
import { dialectForUrl } from "./dialects/dialect-for-url";
import { databaseUrl } from "./url";

export type Db = PrismaClient;
/** A client or an interactive transaction: lib functions that write take this so callers can compose them. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string = databaseUrl()): PrismaClient {
  const dialect = dialectForUrl(url);
  return attachDialect(lockOnBegin(dialect.openClient(url), dialect), dialect);
}

/**
 * Every interactive transaction takes the database's write lock with its first statement, so that writers run
 * one after another on both databases and domain code can read-then-write inside a transaction without lost
 * updates (the audit chain reads the previous hash, a workflow step reads the status it changes).
 */
function lockOnBegin(client: PrismaClient, dialect: DatabaseDialect): PrismaClient {
  const original = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  (client as unknown as { $transaction: typeof original }).$transaction = (arg, options) =>
    typeof arg === "function"
      ? original(async (tx: DbTx) => {
          attachDialect(tx, dialect);
          await dialect.takeWriteLock(tx);
          return (arg as (tx: DbTx) => Promise<unknown>)(tx);
        }, options)
      : original(arg, options);
  return client;
}

const globalForDb = globalThis as unknown as { imprimaturDb?: PrismaClient };

/** Shared client (kept on globalThis so dev-mode hot reload does not open a new connection each time). */
export const db: PrismaClient = globalForDb.imprimaturDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.imprimaturDb = db;
