// Reads the public change counter straight from the SQLite file with better-sqlite3: one prepared statement,
// a few microseconds, so the page cache can afford to check it on every request (no polling interval, no
// window in which another process's publish is not yet seen). A read-only connection of its own: it never
// takes a lock that writers wait for (WAL). Opened through the SQLite adapter (lib/db/dialects/sqlite.ts).
import Database from "better-sqlite3";
import type { ChangeReader } from "../db/dialects/dialect";
import { READ_PUBLIC_CHANGE_SQL } from "./public-change";

export function openSqliteChangeReader(file: string): ChangeReader {
  let db: Database.Database | null = null;
  let statement: Database.Statement | null = null;
  let warned = false;
  return {
    read() {
      try {
        if (!statement) {
          db ??= new Database(file, { readonly: true, fileMustExist: true });
          statement = db.prepare(READ_PUBLIC_CHANGE_SQL).pluck();
        }
        const value = statement.get();
        return typeof value === "number" ? value : 0;
      } catch (err) {
        // Not migrated yet, or the file is missing: serve everything through Next until it is readable.
        if (!warned) console.warn("[page-cache] cannot read the public change counter:", (err as Error).message);
        warned = true;
        statement = null;
        return null;
      }
    },
    close() {
      db?.close();
      db = null;
      statement = null;
    },
  };
}
