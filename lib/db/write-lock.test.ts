// SQLite's side of the write lock (the adapter's takeWriteLock, run by createDb at the start of every interactive
// transaction), driven through better-sqlite3 connections on the test file and another process.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";

const t = createTestDb();
const file = t.url.replace(/^file:/, "");
afterAll(() => t.cleanup());
beforeAll(async () => {
  await t.db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as db:deploy sets it on real databases
});

const INSERT = `INSERT INTO "Setting" (key, value, updatedAt) VALUES (?, '1', 0)`;

/**
 * Another process (a script, the e2e test runner, a second server) that writes one row to the same file when
 * told to ("go" on its stdin). It reports each step on a line of its own: "ready" once connected; then
 * "inserted-at-once" if nobody held the write lock, or "busy" when refused and, after waiting for the lock on a
 * connection with a busy timeout, "inserted".
 */
function otherWriter(key: string) {
  const code = `
    const Database = require("better-sqlite3");
    const file = ${JSON.stringify(file)}, insert = ${JSON.stringify(INSERT)}, key = ${JSON.stringify(key)};
    const atOnce = new Database(file, { timeout: 0 });
    require("node:readline").createInterface({ input: process.stdin }).once("line", () => {
      try {
        atOnce.prepare(insert).run(key);
        console.log("inserted-at-once");
      } catch (err) {
        if (err.code !== "SQLITE_BUSY") throw err;
        console.log("busy");
        new Database(file, { timeout: 60000 }).prepare(insert).run(key);
        console.log("inserted");
      }
      process.exit(0);
    });
    console.log("ready");`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    async next(): Promise<string> {
      const line = await lines.next();
      return line.done ? `(exited with ${await exited})` : line.value;
    },
    go: () => child.stdin.write("go\n"),
    exited,
  };
}

describe("write lock on BEGIN", () => {
  it("the problem: a deferred transaction that reads, then writes after another connection committed, fails at once", () => {
    const a = new Database(file, { timeout: 5000 });
    const b = new Database(file, { timeout: 5000 });
    try {
      a.prepare("BEGIN").run();
      a.prepare(`SELECT count(*) FROM "Setting"`).get();
      b.prepare(INSERT).run("raw.other");
      expect(() => a.prepare(INSERT).run("raw.mine")).toThrow(
        expect.objectContaining({ code: "SQLITE_BUSY_SNAPSHOT" }),
      );
      a.prepare("ROLLBACK").run();
    } finally {
      a.close();
      b.close();
    }
  });

  it("createDb's transactions hold the lock from their first statement: another writer is refused until they commit, then both writes stand", async () => {
    const other = otherWriter("locked.other");
    expect(await other.next()).toBe("ready");
    const reported: string[] = [];
    await t.db.$transaction(
      async (tx) => {
        await tx.setting.findMany(); // reads first, as domain code does
        other.go();
        reported.push(await other.next()); // the other process tried to write while this transaction is open
        await tx.setting.create({ data: { key: "locked.mine", value: "1" } });
      },
      { timeout: 60_000 }, // the other process's answer is awaited inside the transaction: no deadline of its own
    );
    reported.push(await other.next());
    expect(reported).toEqual(["busy", "inserted"]);
    expect(await other.exited).toBe(0);
    const rows = await t.db.$queryRawUnsafe<Array<{ key: string }>>(
      `SELECT key FROM "Setting" WHERE key LIKE 'locked.%' ORDER BY rowid`,
    );
    expect(rows.map((r) => r.key)).toEqual(["locked.mine", "locked.other"]);
  });
});
