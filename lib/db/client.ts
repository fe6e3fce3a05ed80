// The one Prisma client of the process. SQLite through better-sqlite3; WAL is set on the file by
// db:deploy, the busy timeout here so that a writer waits for another instead of failing at once.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "./url";

export type Db = PrismaClient;
/** A client or an interactive transaction: lib functions that write take this so callers can compose them. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string = databaseUrl()): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url, timeout: 5000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { imprimaturDb?: PrismaClient };

/** Shared client (kept on globalThis so dev-mode hot reload does not open a new connection each time). */
export const db: PrismaClient = globalForDb.imprimaturDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.imprimaturDb = db;
