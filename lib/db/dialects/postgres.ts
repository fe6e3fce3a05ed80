// PostgreSQL (a `postgres://` or `postgresql://` DATABASE_URL) through pg: several app processes on one
// database. Prisma 7 generates a client per schema provider, so this one comes from lib/generated/prisma-pg
// (prisma/postgres/schema.prisma, derived from the same model); the rest of the code sees one type, `Db`.
import { PrismaPg } from "@prisma/adapter-pg";
import type { Db } from "../client";
import { PrismaClient } from "../../generated/prisma-pg/client";
import { openPostgresChangeReader } from "../../page-cache/postgres-change-reader";
import { postgresSearchIndex } from "../../search/postgres-search-index";
import { postgresDraftSearch } from "../../article-list/postgres-draft-search";
import type { DatabaseDialect } from "./dialect";
import { POSTGRES_EXTERNAL_TABLES, POSTGRES_OBJECTS } from "./postgres-objects";
import { withTransactionsOneQueryAtATime } from "./one-query-at-a-time";

/** Arbitrary fixed key of the database-wide write lock (pg_advisory_xact_lock takes a bigint). */
export const WRITE_LOCK_KEY = 7_470_717;

/** Connections per process (DATABASE_POOL_SIZE; pg's default is 10). */
function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export const postgresDialect: DatabaseDialect = {
  name: "postgresql",

  openClient(url) {
    const adapter = withTransactionsOneQueryAtATime(new PrismaPg({ connectionString: url, max: poolSize() }));
    // Transactions queue behind the database-wide write lock: allow them more than the default 5 s, as SQLite's
    // busy timeout does.
    const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
    return client as unknown as Db;
  },

  // A transaction-scoped advisory lock on one fixed key, taken by every process on the database, released at
  // COMMIT/ROLLBACK. At READ COMMITTED, each statement after it sees everything committed before the lock was
  // granted, which is the same serial order SQLite gives. Plain reads (outside $transaction) never wait.
  async takeWriteLock(tx) {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
  },

  // PostgreSQL sizes its cache server-wide (shared_buffers): nothing to do per connection.
  async tuneForLargeIndexes() {},

  // A query per request is not possible synchronously: PostgreSQL pushes every change (LISTEN/NOTIFY, see the
  // public-change-push objects) and the reader keeps the value in memory.
  openChangeReader: (url) => openPostgresChangeReader(url),

  siteSearch: postgresSearchIndex,
  draftSearch: postgresDraftSearch,
  wordList: `SELECT value FROM json_array_elements_text($1::json)`,
  // PostgreSQL's LIKE respects case; Prisma spells the difference as `mode: "insensitive"`, which only the
  // PostgreSQL client's types know.
  containsIgnoringCase(text) {
    const filter: { contains: string; mode: "insensitive" } = { contains: text, mode: "insensitive" };
    return filter;
  },

  async highestAuditEventId(db) {
    // The id column's sequence; is_called is false until the first nextval.
    const seq = await db.$queryRawUnsafe<Array<{ last: string | number | bigint; called: boolean }>>(
      `SELECT last_value::text AS last, is_called AS called FROM "AuditEvent_id_seq"`,
    );
    return seq.length && seq[0].called ? Number(seq[0].last) : 0;
  },

  placeholder: (n) => `$${n}`,
  dateTimeParam: (d) => d,
  booleanParam: (b) => b,

  schemaPath: "prisma/postgres/schema.prisma",
  migrationsDir: "prisma/postgres/migrations",
  databaseExists: () => true,
  // Nothing to set: readers never wait for writers on PostgreSQL.
  prepareForMigrations() {},
  rawObjects: POSTGRES_OBJECTS,
  externalTables: POSTGRES_EXTERNAL_TABLES,
};
