// The write lock's guarantee, on whichever database the suite runs on: transactions that read a value and
// write it back, started at the same time, lose no update. On PostgreSQL they come from two clients (two
// connection pools, as from two app processes). On SQLite from one: better-sqlite3 is synchronous, so a second
// connection in the same process waiting for the lock would block the event loop the first one needs to
// commit; SQLite across processes is covered by write-lock.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { createDb } from "./client";

const t = createTestDb();
const other = createDb(t.url);
afterAll(async () => {
  await other.$disconnect();
  await t.cleanup();
});

describe("concurrent write transactions", () => {
  it("read-then-write transactions from two clients run one after another (no lost update)", async () => {
    await t.db.setting.create({ data: { key: "test.counter", value: "0" } });
    const increment = (client: typeof t.db) =>
      client.$transaction(async (tx) => {
        const row = await tx.setting.findUniqueOrThrow({ where: { key: "test.counter" } });
        await new Promise((r) => setTimeout(r, 5)); // widen the window a lost update would need
        await tx.setting.update({ where: { key: "test.counter" }, data: { value: String(Number(row.value) + 1) } });
      });
    const clients = t.kind === "postgres" ? [t.db, other] : [t.db];
    await Promise.all(Array.from({ length: 10 }, (_, i) => increment(clients[i % clients.length])));
    const final = await t.db.setting.findUniqueOrThrow({ where: { key: "test.counter" } });
    expect(final.value).toBe("10");
  });
});
