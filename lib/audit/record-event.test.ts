import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { GENESIS_HASH, hashAuditEvent, recordAuditEvent } from "./record-event";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("recordAuditEvent", () => {
  it("chains each event to the previous one by hash", async () => {
    const a = await recordAuditEvent(t.db, { actorId: null, action: "test.one", entityType: "Test", entityId: "1" });
    const b = await recordAuditEvent(t.db, {
      actorId: null,
      action: "test.two",
      entityType: "Test",
      entityId: "1",
      data: { x: 1 },
    });
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(hashAuditEvent(b)).toBe(b.hash);
  });

  it("is append-only: the database refuses UPDATE and DELETE", async () => {
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("commits with the state change or not at all", async () => {
    const before = await t.db.auditEvent.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await recordAuditEvent(tx, { actorId: null, action: "test.rolled_back", entityType: "Test", entityId: "2" });
        throw new Error("state change failed");
      }),
    ).rejects.toThrow("state change failed");
    expect(await t.db.auditEvent.count()).toBe(before);
  });
});
