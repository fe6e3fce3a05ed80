import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../tests/helpers/test-db";
import { recordAuditEvent } from "./record-event";
import { verifyAuditChain } from "./verify-chain";

const run = promisify(execFile);
const dbs: TestDb[] = [];
afterAll(async () => {
  for (const t of dbs) await t.cleanup();
});

async function seeded(n = 5) {
  const t = createTestDb();
  dbs.push(t);
  for (let i = 1; i <= n; i++)
    await recordAuditEvent(t.db, {
      actorId: null,
      action: `test.event_${i}`,
      entityType: "Test",
      entityId: String(i),
      data: { i },
    });
  return t;
}

/**
 * What someone with file or superuser access would do: get the triggers out of the way, change the table, put
 * them back (SQLite: drop and recreate them; PostgreSQL: disable and re-enable them).
 */
async function aroundTriggers(t: TestDb, sql: string) {
  if (t.kind === "postgres") {
    await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
    await t.db.$executeRawUnsafe(sql);
    await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    return;
  }
  const triggers = await t.db.$queryRawUnsafe<Array<{ name: string; sql: string }>>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEvent'`,
  );
  expect(triggers.length).toBe(2);
  for (const tr of triggers) await t.db.$executeRawUnsafe(`DROP TRIGGER "${tr.name}"`);
  await t.db.$executeRawUnsafe(sql);
  for (const tr of triggers) await t.db.$executeRawUnsafe(tr.sql);
}

async function cli(url: string) {
  try {
    const { stdout } = await run("npx", ["tsx", "scripts/audit-verify.ts"], {
      // "" = no key, so a key in the working directory's .env is not picked up for these unkeyed chains.
      env: { ...process.env, DATABASE_URL: url, AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY ?? "" },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("audit chain verification", () => {
  it("passes on an untouched log (npm run audit:verify exits 0)", async () => {
    const t = await seeded();
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 5, firstBroken: null });
    const r = await cli(t.url);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/intact: 5 events/);
  }, 90_000); // starts the CLI through tsx: slow on a loaded machine

  it("a hand edit of one event (triggers dropped and recreated) fails and names that event", async () => {
    const t = await seeded();
    const third = await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.event_3" } });
    await aroundTriggers(t, `UPDATE "AuditEvent" SET "dataJson" = '{"i":999}' WHERE id = ${third.id}`);
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({
      id: third.id,
      action: "test.event_3",
      problem: expect.stringMatching(/edited/),
    });
    const r = await cli(t.url);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`BROKEN at event #${third.id} (test.event_3`);
  }, 90_000); // starts the CLI through tsx: slow on a loaded machine

  it("changing only an event's stored hash is caught at that event", async () => {
    const t = await seeded();
    const second = await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.event_2" } });
    await aroundTriggers(t, `UPDATE "AuditEvent" SET "hash" = '${"f".repeat(64)}' WHERE id = ${second.id}`);
    const report = await verifyAuditChain(t.db);
    expect(report.firstBroken?.id).toBe(second.id);
  });

  it("a deleted event in the middle, at the start or at the end is found", async () => {
    const mid = await seeded();
    const e3 = await mid.db.auditEvent.findFirstOrThrow({ where: { action: "test.event_3" } });
    await aroundTriggers(mid, `DELETE FROM "AuditEvent" WHERE id = ${e3.id}`);
    expect((await verifyAuditChain(mid.db)).firstBroken).toMatchObject({
      action: "test.event_4",
      problem: expect.stringMatching(/prevHash/),
    });

    const first = await seeded();
    const e1 = await first.db.auditEvent.findFirstOrThrow({ where: { action: "test.event_1" } });
    await aroundTriggers(first, `DELETE FROM "AuditEvent" WHERE id = ${e1.id}`);
    expect((await verifyAuditChain(first.db)).firstBroken).toMatchObject({
      action: "test.event_2",
      problem: expect.stringMatching(/genesis/),
    });

    const last = await seeded();
    const e5 = await last.db.auditEvent.findFirstOrThrow({ where: { action: "test.event_5" } });
    await aroundTriggers(last, `DELETE FROM "AuditEvent" WHERE id = ${e5.id}`);
    expect((await verifyAuditChain(last.db)).firstBroken).toMatchObject({
      id: e5.id,
      problem: expect.stringMatching(/deleted/),
    });
  });
});
