import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { dialectFor } from "./dialects/dialect";
import { checkReadiness, committedMigrations } from "./readiness";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("readiness", () => {
  it("is ready when every committed migration of this database kind is applied", async () => {
    const r = await checkReadiness(t.db);
    expect(r).toMatchObject({ ready: true, database: dialectFor(t.db).name });
    expect(r).toMatchObject({ migrations: committedMigrations(dialectFor(t.db)).length });
    expect(committedMigrations(dialectFor(t.db)).length).toBeGreaterThan(0);
  });

  it("names pending migrations by count only, and an unreachable database without details", async () => {
    const pending = await checkReadiness(t.db, [...committedMigrations(dialectFor(t.db)), "29990101000000_future"]);
    expect(pending).toMatchObject({ ready: false, problem: "1 migration(s) not applied" });
    await t.db.$executeRawUnsafe(`DROP TABLE "_prisma_migrations"`);
    const broken = await checkReadiness(t.db);
    expect(broken).toMatchObject({ ready: false, problem: "database unreachable or not migrated" });
    expect(JSON.stringify(broken)).not.toMatch(/postgres:|file:|_prisma_migrations/);
  });
});
