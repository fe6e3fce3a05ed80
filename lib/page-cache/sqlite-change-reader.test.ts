// The page cache's SQLite counter reader against real database files, written by other connections and by
// another process, as other server processes write it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteChangeReader } from "./sqlite-change-reader";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function counterDatabase(journalMode: "wal" | "delete") {
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-counter-"));
  dirs.push(dir);
  const file = path.join(dir, "site.db");
  const writer = new Database(file);
  writer.pragma(`journal_mode = ${journalMode}`);
  writer.exec(`CREATE TABLE "PublicChange" ("id" INTEGER PRIMARY KEY, "counter" INTEGER NOT NULL)`);
  writer.exec(`CREATE TABLE "Other" ("id" INTEGER PRIMARY KEY, "value" TEXT)`);
  writer.exec(`INSERT INTO "PublicChange" VALUES (1, 7)`);
  return { file, writer };
}

/** A commit made by another process (as another app server would publish), which has exited when this returns. */
function commitInAnotherProcess(file: string, sql: string) {
  const script = `const D=require(${JSON.stringify(require.resolve("better-sqlite3"))});const db=new D(process.argv[1]);db.pragma("busy_timeout = 5000");db.exec(process.argv[2]);db.close()`;
  execFileSync(process.execPath, ["-e", script, file, sql]);
}

describe("openSqliteChangeReader", () => {
  it("sees every commit of another connection or process on the next read, and queries only after a commit", () => {
    const { file, writer } = counterDatabase("wal");
    const reader = openSqliteChangeReader(file, { maxUnqueriedMs: Infinity });
    try {
      expect(reader.read()).toBe(7);
      for (let i = 0; i < 100; i++) expect(reader.read()).toBe(7);
      expect(reader.queries).toBe(1);

      for (let counter = 8; counter < 40; counter++) {
        writer.prepare(`UPDATE "PublicChange" SET "counter" = ?`).run(counter);
        expect(reader.read()).toBe(counter);
        // A commit that leaves the counter alone: read again, same value.
        writer.prepare(`INSERT INTO "Other" ("value") VALUES (?)`).run(`row ${counter}`);
        expect(reader.read()).toBe(counter);
        expect(reader.read()).toBe(counter);
      }
      expect(reader.queries).toBe(1 + 32 * 2);

      commitInAnotherProcess(file, `UPDATE "PublicChange" SET "counter" = 100`);
      expect(reader.read()).toBe(100);
      // The WAL emptied and started again (new salts): a commit after that is seen too.
      writer.pragma("wal_checkpoint(TRUNCATE)");
      expect(reader.read()).toBe(100);
      commitInAnotherProcess(file, `UPDATE "PublicChange" SET "counter" = 101`);
      expect(reader.read()).toBe(101);
      writer.pragma("wal_checkpoint(TRUNCATE)");
      writer.exec(`UPDATE "PublicChange" SET "counter" = 102`);
      expect(reader.read()).toBe(102);
    } finally {
      reader.close();
      writer.close();
    }
  });

  it("queries at least every maxUnqueriedMs, and on every read of a database not in WAL mode", () => {
    const wal = counterDatabase("wal");
    const everyTime = openSqliteChangeReader(wal.file, { maxUnqueriedMs: 0 });
    const rollback = counterDatabase("delete");
    const rollbackReader = openSqliteChangeReader(rollback.file, { maxUnqueriedMs: Infinity });
    try {
      for (let i = 0; i < 5; i++) expect(everyTime.read()).toBe(7);
      expect(everyTime.queries).toBe(5);
      for (let i = 0; i < 5; i++) expect(rollbackReader.read()).toBe(7);
      expect(rollbackReader.queries).toBe(5);
      commitInAnotherProcess(rollback.file, `UPDATE "PublicChange" SET "counter" = 9`);
      expect(rollbackReader.read()).toBe(9);
    } finally {
      everyTime.close();
      rollbackReader.close();
      wal.writer.close();
      rollback.writer.close();
    }
  });
});
