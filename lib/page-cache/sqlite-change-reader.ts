// Reads the public change counter straight from the SQLite file with better-sqlite3: one prepared statement, so
// the page cache can afford to check it on every request (no polling interval, no window in which another
// process's publish is not yet seen). A read-only connection of its own: it never takes a lock that writers wait
// for (WAL). Opened through the SQLite adapter (lib/db/dialects/sqlite.ts).
//
// Most requests skip even that statement. In WAL mode every commit, by any connection of any process, rewrites
// the WAL-index header at the start of the `-shm` file (its change count, last frame and checksums; a WAL restart
// changes its salts): https://www.sqlite.org/walformat.html#the_wal_index_header. The reader keeps the header
// it read just before its last query and answers from that query while the header's bytes are still the same
// (one 96-byte read of a page the kernel already holds, against a read transaction's file locks and size check).
// SQLite writes the header in two copies, one after the other; a read that finds them different (a commit half
// way through) queries. So does every read at least once a second, which bounds any case the header check does
// not foresee (a database taken out of WAL mode under a running server).
import { closeSync, openSync, readSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import type { ChangeReader } from "../db/dialects/dialect";
import { READ_PUBLIC_CHANGE_SQL } from "./public-change";

/** Two copies of the 48-byte WalIndexHdr. */
const WAL_INDEX_HEADER_BYTES = 96;
const HEADER_COPY_BYTES = 48;
/** The longest the reader answers without querying, whatever the header says. */
const MAX_UNQUERIED_MS = 1000;

export interface SqliteChangeReaderOptions {
  /** The longest it answers without querying (default 1000 ms; tests set it). */
  maxUnqueriedMs?: number;
}

export interface SqliteChangeReader extends ChangeReader {
  /** How many times the counter was read with a query (the rest came from an unchanged WAL-index header). */
  readonly queries: number;
}

export function openSqliteChangeReader(file: string, options: SqliteChangeReaderOptions = {}): SqliteChangeReader {
  const maxUnqueriedMs = options.maxUnqueriedMs ?? MAX_UNQUERIED_MS;
  let db: Database.Database | null = null;
  let statement: Database.Statement | null = null;
  // The -shm file, when the database is in WAL mode; null: query on every read.
  let shm: number | null = null;
  const header = Buffer.alloc(WAL_INDEX_HEADER_BYTES);
  const headerAtLastQuery = Buffer.alloc(WAL_INDEX_HEADER_BYTES);
  let lastQueryValid = false;
  let lastQueryAt = 0;
  let lastValue = 0;
  let queries = 0;
  let warned = false;

  function open() {
    db ??= new Database(file, { readonly: true, fileMustExist: true });
    statement = db.prepare(READ_PUBLIC_CHANGE_SQL).pluck();
    // Asking for the journal mode reads the database, which opens (or creates) the -shm file of a WAL database.
    if (shm === null && String(db.pragma("journal_mode", { simple: true })).toLowerCase() === "wal") {
      try {
        shm = openSync(`${file}-shm`, "r");
      } catch {
        shm = null; // no -shm file to read (e.g. a WAL database opened with exclusive locking): query every time
      }
    }
  }

  function closeShm() {
    try {
      if (shm !== null) closeSync(shm);
    } catch {
      // already closed
    }
    shm = null;
  }

  /** Reads the WAL-index header into `header`; false when it is not whole and settled (then: query). */
  function readHeader(): boolean {
    if (shm === null) return false;
    if (readSync(shm, header, 0, WAL_INDEX_HEADER_BYTES, 0) !== WAL_INDEX_HEADER_BYTES) return false;
    return header.compare(header, HEADER_COPY_BYTES, WAL_INDEX_HEADER_BYTES, 0, HEADER_COPY_BYTES) === 0;
  }

  return {
    read() {
      try {
        if (!statement) open();
        // Read before the query: a commit landing in between makes the next header differ, so it is queried.
        const settled = readHeader();
        const now = performance.now();
        if (settled && lastQueryValid && now - lastQueryAt < maxUnqueriedMs && header.equals(headerAtLastQuery))
          return lastValue;
        const value = statement!.get();
        queries++;
        lastValue = typeof value === "number" ? value : 0;
        lastQueryAt = now;
        lastQueryValid = settled;
        if (settled) header.copy(headerAtLastQuery);
        return lastValue;
      } catch (err) {
        // Not migrated yet, or the file is missing: serve everything through Next until it is readable.
        if (!warned) console.warn("[page-cache] cannot read the public change counter:", (err as Error).message);
        warned = true;
        statement = null;
        lastQueryValid = false;
        closeShm();
        return null;
      }
    },
    get queries() {
      return queries;
    },
    close() {
      closeShm();
      db?.close();
      db = null;
      statement = null;
      lastQueryValid = false;
    },
  };
}
