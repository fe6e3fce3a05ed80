import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";

const t = createTestDb();
const file = t.url.replace(/^file:/, "");
afterAll(() => t.cleanup());
beforeAll(async () => {
  await t.db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as db:deploy sets it on real databases
});

/** Another process (a script, the e2e test runner, a second server) writing to the same file. */
function otherProcessWrites(key: string): Promise<number | null> {
  const code = `const D=require("better-sqlite3");const d=new D(${JSON.stringify(file)},{timeout:5000});d.prepare("INSERT INTO \\"Setting\\" (key,value,updatedAt) VALUES (?, '1', 0)").run(${JSON.stringify(key)});`;
  const child = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
  return new Promise((resolve) => child.on("exit", (c) => resolve(c)));
}

describe("write lock on BEGIN", () => {
  it("the problem: a deferred transaction that reads, then writes after another connection committed, fails at once", () => {
    const a = new Database(file, { timeout: 5000 });
    const b = new Database(file, { timeout: 5000 });
    try {
      a.prepare("BEGIN").run();
      a.prepare(`SELECT count(*) FROM "Setting"`).get();
      b.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES ('raw.other', '1', 0)`).run();
      expect(() =>
        a.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES ('raw.mine', '1', 0)`).run(),
      ).toThrow(expect.objectContaining({ code: "SQLITE_BUSY_SNAPSHOT" }));
      a.prepare("ROLLBACK").run();
    } finally {
      a.close();
      b.close();
    }
  });

  it("createDb's transactions take the lock first: the other writer waits, and both succeed", async () => {
    let other: Promise<number | null> = Promise.resolve(0);
    await t.db.$transaction(async (tx) => {
      await tx.setting.findMany();
      other = otherProcessWrites("locked.other");
      await new Promise((r) => setTimeout(r, 1500)); // the other process tries to commit now
      await tx.setting.create({ data: { key: "locked.mine", value: "1" } });
    });
    expect(await other).toBe(0);
    expect(await t.db.setting.count({ where: { key: { startsWith: "locked." } } })).toBe(2);
  });
});
