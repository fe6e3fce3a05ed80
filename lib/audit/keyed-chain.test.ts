// The keyed audit chain: someone holding only the database file cannot rebuild a chain that verifies, and an
// unkeyed chain from before keys existed upgrades in place.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../tests/helpers/test-db";
import { ensureChainKeyed, hashAuditEvent, KEYED_FROM_ACTION, recordAuditEvent } from "./record-event";
import { verifyAuditChain } from "./verify-chain";

const KEY = "k".repeat(20) + "-test-audit-key-0123456789";
const OTHER_KEY = "o".repeat(20) + "-another-audit-key-987654";
const dbs: TestDb[] = [];
afterAll(async () => {
  for (const t of dbs) await t.cleanup();
});
afterEach(() => {
  delete process.env.AUDIT_HMAC_KEY;
});

async function write(t: TestDb, n: number, from = 1) {
  for (let i = from; i < from + n; i++)
    await recordAuditEvent(t.db, { actorId: null, action: `test.event_${i}`, entityType: "Test", entityId: String(i) });
}

function fresh() {
  const t = createTestDb();
  dbs.push(t);
  return t;
}

/**
 * What someone with only the database file does: drop the triggers, rewrite events (here: change one, or drop
 * the keyed-from event), recompute every hash in order with the only hash they can compute, put triggers back.
 */
async function rebuildWithoutKey(t: TestDb, change: { editId?: number; dropKeyedFrom?: boolean }) {
  // SQLite: drop the append-only triggers and recreate them after; PostgreSQL: disable and re-enable them.
  const triggers =
    t.kind === "postgres"
      ? []
      : await t.db.$queryRawUnsafe<Array<{ name: string; sql: string }>>(
          `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent'`,
        );
  if (t.kind === "postgres") await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
  for (const tr of triggers) await t.db.$executeRawUnsafe(`DROP TRIGGER "${tr.name}"`);
  if (change.dropKeyedFrom)
    await t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE action = '${KEYED_FROM_ACTION}'`);
  if (change.editId)
    await t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "dataJson" = '{"forged":true}' WHERE id = ${change.editId}`);
  const rows = await t.db.auditEvent.findMany({ orderBy: { id: "asc" } });
  // Hashes are unique: park them first, then write the recomputed chain.
  for (const r of rows)
    await t.db.$executeRawUnsafe(
      `UPDATE "AuditEvent" SET hash = 'tmp-${r.id}', "prevHash" = 'tmpp-${r.id}' WHERE id = ${r.id}`,
    );
  let prev = "0".repeat(64);
  for (const r of rows) {
    const hash = hashAuditEvent({ ...r, prevHash: prev });
    await t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "prevHash" = '${prev}', hash = '${hash}' WHERE id = ${r.id}`);
    prev = hash;
  }
  // The highest id handed out, so that the dropped events do not show as deleted from the end.
  if (t.kind === "postgres") {
    await t.db.$queryRawUnsafe(`SELECT setval('"AuditEvent_id_seq"', (SELECT MAX(id) FROM "AuditEvent"))`);
    await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
  } else {
    await t.db.$executeRawUnsafe(
      `UPDATE sqlite_sequence SET seq = (SELECT MAX(id) FROM "AuditEvent") WHERE name = 'AuditEvent'`,
    );
  }
  for (const tr of triggers) await t.db.$executeRawUnsafe(tr.sql);
}

describe("keyed audit chain", () => {
  it("keys every event from the first one and verifies with the key", async () => {
    process.env.AUDIT_HMAC_KEY = KEY;
    const t = fresh();
    await write(t, 3);
    const events = await t.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events[0].action).toBe(KEYED_FROM_ACTION);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 4, keyedFromId: events[0].id });
    // The plain sha256 of a keyed event is not its hash.
    expect(hashAuditEvent(events[1])).not.toBe(events[1].hash);
  });

  it("detects a chain rebuilt by someone holding only the database file", async () => {
    process.env.AUDIT_HMAC_KEY = KEY;
    const dropped = fresh();
    await write(dropped, 4);
    await rebuildWithoutKey(dropped, { dropKeyedFrom: true });
    const report = await verifyAuditChain(dropped.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.problem).toMatch(/no event carries the audit key/);
    // Without the key the rebuilt chain would have passed: that is exactly the attack.
    expect((await verifyAuditChain(dropped.db, null)).ok).toBe(true);

    const edited = fresh();
    await write(edited, 4);
    const second = await edited.db.auditEvent.findFirstOrThrow({ where: { action: "test.event_2" } });
    await rebuildWithoutKey(edited, { editId: second.id });
    const r2 = await verifyAuditChain(edited.db);
    expect(r2.ok).toBe(false);
    expect(r2.firstBroken?.action).toBe(KEYED_FROM_ACTION); // the first event whose keyed hash can no longer match
  });

  it("upgrades an unkeyed chain: earlier events verify the old way, later ones need the key", async () => {
    const t = fresh();
    await write(t, 3); // before a key existed
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, keyedFromId: null });

    process.env.AUDIT_HMAC_KEY = KEY;
    // With the key configured but nothing keyed yet, the chain cannot be told from a rebuilt one.
    expect((await verifyAuditChain(t.db)).ok).toBe(false);
    expect(await t.db.$transaction((tx) => ensureChainKeyed(tx))).toBe(true); // what the first keyed write does
    await write(t, 2, 4);
    const marker = await t.db.auditEvent.findFirstOrThrow({ where: { action: KEYED_FROM_ACTION } });
    expect(await t.db.auditEvent.count({ where: { action: KEYED_FROM_ACTION } })).toBe(1);
    expect(marker.id).toBe(4);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 6, keyedFromId: marker.id });

    // Tampering with an old, unkeyed event and recomputing the chain shows at the keyed-from event.
    await rebuildWithoutKey(t, { editId: 2 });
    expect((await verifyAuditChain(t.db)).firstBroken).toMatchObject({ id: marker.id });
  });

  it("names a wrong key, and refuses to verify or extend a keyed chain without one", async () => {
    process.env.AUDIT_HMAC_KEY = KEY;
    const t = fresh();
    await write(t, 2);
    const other = await verifyAuditChain(t.db, Buffer.from(OTHER_KEY));
    expect(other.firstBroken?.problem).toMatch(/another AUDIT_HMAC_KEY/);
    const none = await verifyAuditChain(t.db, null);
    expect(none.firstBroken?.problem).toMatch(/set AUDIT_HMAC_KEY/);
    delete process.env.AUDIT_HMAC_KEY;
    await expect(write(t, 1, 3)).rejects.toThrow(/AUDIT_HMAC_KEY is not set/);
  });
});
