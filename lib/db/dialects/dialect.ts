// Everything the two databases do differently, behind one interface: one adapter per database
// (./sqlite.ts, ./postgres.ts). The adapter is chosen once, by the URL, where the client is created
// (lib/db/client.ts createDb); code that needs something database-specific asks `dialectFor(db)` for the
// adapter of the client (or transaction) it was given, and never asks which database it is.
//
// Raw-SQL objects (triggers, functions, full-text tables) are declared per database in ./sqlite-objects.ts and
// ./postgres-objects.ts; ./raw-objects.ts says what each is for.
//
// `dialectFor` lives here rather than in the client module so that modules the adapters themselves load (the
// search engines) can ask for it without importing the client at run time: lib/db's import cycle stays
// type-only.
import type { SearchIndex } from "../../search/search-index";
import type { DraftSearchIndex } from "../../article-list/draft-search";
import type { Db, DbTx } from "../client";
import type { RawObject } from "./raw-objects";

export type DialectName = "sqlite" | "postgresql";

/** The readers' page cache's view of the public change counter (lib/page-cache/public-change.ts). */
export interface ChangeReader {
  /** The current counter, or null when it cannot be read (then nothing is served from the cache). */
  read(): number | null;
  close(): void;
}

export interface DatabaseDialect {
  readonly name: DialectName;

  /** The Prisma client for the database at `url`, with this database's connection settings. */
  openClient(url: string): Db;
  /**
   * Takes the database-wide write lock. Every interactive transaction runs it as its first statement
   * (createDb), so writers run one after another and read-then-write inside a transaction loses no update.
   */
  takeWriteLock(tx: DbTx): Promise<void>;
  /** Per-connection settings for work over large indexes (the plagiarism fingerprints); once per client. */
  tuneForLargeIndexes(db: DbTx): Promise<void>;

  /** Reads the public change counter for the page cache of a server process; null when `url` has none. */
  openChangeReader(url: string): ChangeReader | null;

  /** The readers' site search engine. */
  readonly siteSearch: SearchIndex;
  /** The studio's search over working drafts. */
  readonly draftSearch: DraftSearchIndex;
  /** `SELECT value FROM …` a list of words bound as one parameter (a JSON array), for `… IN (…)` and inserts. */
  readonly wordList: string;
  /** A Prisma string filter: contains `text`, ignoring case. */
  containsIgnoringCase(text: string): { contains: string };

  /** The highest id the AuditEvent table ever handed out, deleted rows included (audit:verify). */
  highestAuditEventId(db: DbTx): Promise<number>;

  /** Raw SQL spelling, for the few statements written by hand: the n-th (1-based) bound parameter. */
  placeholder(n: number): string;
  /** A DateTime value as the column stores it. */
  dateTimeParam(d: Date): string | Date;
  /** A Boolean value as the column stores it. */
  booleanParam(b: boolean): boolean | number;

  /** Schema file and migrations folder, relative to the project root. */
  readonly schemaPath: string;
  readonly migrationsDir: string;
  /** Whether the database at `url` is there to open (SQLite: the file exists; PostgreSQL's is made by its admin). */
  databaseExists(url: string): boolean;
  /** Before the first migration touches the database at `url` (SQLite: the folder exists, the file is WAL). */
  prepareForMigrations(url: string): void;
  /** Objects made in raw SQL by the migrations; see ./raw-objects.ts. */
  readonly rawObjects: readonly RawObject[];
  /** Tables that Prisma's schema diff must leave alone (the raw tables and what the database keeps beside them). */
  readonly externalTables: readonly string[];
}

// On globalThis, like the shared client (lib/db/client.ts): dev-mode hot reload may evaluate this module again
// while the client made before it stays in use.
const registry = globalThis as unknown as { imprimaturDialects?: WeakMap<object, DatabaseDialect> };
const dialects = (registry.imprimaturDialects ??= new WeakMap<object, DatabaseDialect>());

/** Records which database a client or transaction talks to (createDb does this, and nothing else should). */
export function attachDialect<T extends object>(db: T, dialect: DatabaseDialect): T {
  dialects.set(db, dialect);
  return db;
}

/** The adapter of the database a client, or an interactive transaction of it, talks to. */
export function dialectFor(db: DbTx): DatabaseDialect {
  const dialect = dialects.get(db);
  if (!dialect)
    throw new Error("dialectFor: not a client made by createDb (lib/db/client.ts) or one of its transactions");
  return dialect;
}
