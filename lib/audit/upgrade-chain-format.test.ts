// The chain-format step of an upgrade: a chain written before AUDIT_HMAC_KEY existed is keyed at deploy time,
// once, and only when its history verifies.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../tests/helpers/test-db";
import { KEYED_FROM_ACTION, recordAuditEvent } from "./record-event";
import { CURRENT_CHAIN_FORMAT, upgradeAuditChain } from "./upgrade-chain-format";
import { verifyAuditChain } from "./verify-chain";

const KEY = "u".repeat(20) + "-upgrade-test-audit-key-42";
const dbs: TestDb[] = [];
afterAll(async () => {
  for (const t of dbs) await t.cleanup();
});
afterEach(() => {
  delete process.env.AUDIT_HMAC_KEY;
});

async function unkeyedChain(n: number) {
  const t = createTestDb();
  dbs.push(t);
  for (let i = 1; i <= n; i++)
    await recordAuditEvent(t.db, { actorId: null, action: `old.event_${i}`, entityType: "Test", entityId: String(i) });
  return t;
}

describe("upgradeAuditChain", () => {
  it("keys a chain written before the key existed, in one event, and verify passes at once", async () => {
    const t = await unkeyedChain(3);
    process.env.AUDIT_HMAC_KEY = KEY;
    expect((await verifyAuditChain(t.db)).ok).toBe(false); // what an upgraded site saw before this step

    const dry = await upgradeAuditChain(t.db, { dryRun: true });
    expect(dry).toEqual([
      expect.objectContaining({ format: 2, done: null, reason: expect.stringMatching(/^3 events/) }),
    ]);
    expect(await t.db.auditEvent.count()).toBe(3);

    const [step] = await upgradeAuditChain(t.db);
    expect(step.done).toMatch(/keyed from event #4/);
    const marker = await t.db.auditEvent.findFirstOrThrow({ where: { action: KEYED_FROM_ACTION } });
    expect(JSON.parse(marker.dataJson)).toMatchObject({ anchoredBy: "upgrade", unkeyedEvents: 3 });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 4, keyedFromId: marker.id });

    expect(await upgradeAuditChain(t.db)).toEqual([]); // nothing twice
    await recordAuditEvent(t.db, { actorId: null, action: "new.event", entityType: "Test", entityId: "5" });
    expect(await t.db.auditEvent.count({ where: { action: KEYED_FROM_ACTION } })).toBe(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect(CURRENT_CHAIN_FORMAT).toBe(2);
  });

  it("leaves a site without a key, and an empty chain, as they are", async () => {
    const t = await unkeyedChain(2);
    expect(await upgradeAuditChain(t.db)).toEqual([]);
    const empty = await unkeyedChain(0);
    process.env.AUDIT_HMAC_KEY = KEY;
    expect(await upgradeAuditChain(empty.db)).toEqual([]);
    expect(await empty.db.auditEvent.count()).toBe(0);
  });

  it("does not vouch for a broken history: no anchor, and the problem is named", async () => {
    const t = await unkeyedChain(3);
    // A row changed behind the append-only triggers (SQLite: drop and recreate; PostgreSQL: disable).
    if (t.kind === "postgres") {
      await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      await t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "dataJson" = '{"x":1}' WHERE action = 'old.event_2'`);
      await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    } else {
      const triggers = await t.db.$queryRawUnsafe<Array<{ name: string; sql: string }>>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent'`,
      );
      for (const tr of triggers) await t.db.$executeRawUnsafe(`DROP TRIGGER "${tr.name}"`);
      await t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "dataJson" = '{"x":1}' WHERE action = 'old.event_2'`);
      for (const tr of triggers) await t.db.$executeRawUnsafe(tr.sql);
    }
    process.env.AUDIT_HMAC_KEY = KEY;
    const [step] = await upgradeAuditChain(t.db);
    expect(step.done).toBeNull();
    expect(step.problem).toMatch(/BROKEN at event #2/);
    expect(await t.db.auditEvent.count({ where: { action: KEYED_FROM_ACTION } })).toBe(0);
  });
});
