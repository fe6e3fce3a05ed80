import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { clearAttempts, countAttempt, refundAttempt } from "./attempt-counter";

const t = createTestDb();
afterAll(() => t.cleanup());

const rule = { limit: 5, windowMs: 60_000 };

describe("countAttempt", () => {
  it("gives parallel attempts distinct counts, so exactly `limit` of them are allowed", async () => {
    const decisions = await Promise.all(Array.from({ length: 25 }, () => countAttempt(t.db, "parallel", rule)));
    expect(decisions.map((d) => d.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it("counts from a second client (another connection to the same file) too", async () => {
    const { createDb } = await import("../db/client");
    const other = createDb(t.url);
    try {
      const both = await Promise.all(
        Array.from({ length: 10 }, (_, i) => countAttempt(i % 2 ? other : t.db, "two-connections", rule)),
      );
      expect(both.filter((d) => d.allowed)).toHaveLength(5);
    } finally {
      await other.$disconnect();
    }
  });

  it("opens a new window once the old one has passed, and says how long to wait until then", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await countAttempt(t.db, "window", rule, new Date(start.getTime() + i));
    const refused = await countAttempt(t.db, "window", rule, new Date(start.getTime() + 20_000));
    expect(refused).toMatchObject({ allowed: false, count: 6, retryAfterSeconds: 40 });
    const later = await countAttempt(t.db, "window", rule, new Date(start.getTime() + 60_000));
    expect(later).toMatchObject({ allowed: true, count: 1 });
  });

  it("refunds and clears", async () => {
    await countAttempt(t.db, "refund", rule);
    await countAttempt(t.db, "refund", rule);
    await refundAttempt(t.db, "refund");
    expect((await countAttempt(t.db, "refund", rule)).count).toBe(2);
    await clearAttempts(t.db, "refund");
    expect((await countAttempt(t.db, "refund", rule)).count).toBe(1);
  });
});
