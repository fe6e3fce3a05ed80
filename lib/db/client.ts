// The one Prisma client of the process, for either database, chosen by DATABASE_URL:
//   file:…        SQLite through better-sqlite3 (the embedded default). WAL is set on the file by db:deploy,
//                 the busy timeout here so that a writer waits for another instead of failing at once.
//   postgres://…  PostgreSQL through pg (several app processes on one database).
// Prisma 7 generates a client per schema provider (each loads its own query compiler), so there are two
// generated clients (lib/generated/prisma and lib/generated/prisma-pg, from the same model); the rest of the
// code sees one type, `Db`. Both expose the same model API; provider-only extras are not used.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-pg/client";
import { databaseUrl, isPostgresUrl } from "./url";
import { takeWriteLock } from "./write-lock";

export type Db = PrismaClient;
/** A client or an interactive transaction: lib functions that write take this so callers can compose them. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Connections per process to PostgreSQL (DATABASE_POOL_SIZE; pg's default is 10). */
function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export function createDb(url: string = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: poolSize() });
    // Transactions queue behind the database-wide write lock (write-lock.ts): allow them more than the
    // default 5 s, as SQLite's busy timeout does.
    const client = new PostgresPrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
    return lockOnBegin(client as unknown as PrismaClient);
  }
  const adapter = new PrismaBetterSqlite3({ url, timeout: 5000 });
  return lockOnBegin(new PrismaClient({ adapter }));
}

/** Every interactive transaction takes the write lock with its first statement (see write-lock.ts). */
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
