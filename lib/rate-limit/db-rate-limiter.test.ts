import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { DbRateLimiter } from "./db-rate-limiter";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("DbRateLimiter", () => {
  const rule = { limit: 3, windowSeconds: 60 };
  const t0 = Date.parse("2026-11-30T10:00:00Z");

  it("allows `limit` hits per window and says how long to wait", async () => {
    const limiter = new DbRateLimiter(t.db);
    for (let i = 0; i < 3; i++) expect((await limiter.hit("a", rule, t0 + i * 1000)).allowed).toBe(true);
    // Four attempts (the refused one counts) still weigh 3 when a quarter of the next window has passed: the
    // next attempt is allowed half-way through it.
    const refused = await limiter.hit("a", rule, t0 + 15_000);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 75 });
    expect((await limiter.hit("b", rule, t0)).allowed).toBe(true);
    expect((await limiter.hit("a", rule, t0 + 180_000)).allowed).toBe(true);
  });

  it("holds a burst that straddles a window boundary to the limit", async () => {
    const limiter = new DbRateLimiter(t.db);
    const boundary = t0 + 10_800_000;
    for (let i = 0; i < 3; i++) expect((await limiter.hit("edge", rule, boundary - 1000)).allowed).toBe(true);
    // A fixed window would start counting afresh here.
    const refused = await limiter.hit("edge", rule, boundary + 1000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(1);
    // Once the previous window's weight has fallen far enough, attempts are allowed again.
    expect((await limiter.hit("edge", rule, boundary + 45_000)).allowed).toBe(true);
  });

  it("shares one count between limiters (two server processes on one database)", async () => {
    const first = new DbRateLimiter(t.db);
    const second = new DbRateLimiter(t.db);
    const at = t0 + 3_600_000;
    expect((await first.hit("shared", rule, at)).allowed).toBe(true);
    expect((await second.hit("shared", rule, at)).allowed).toBe(true);
    expect((await first.hit("shared", rule, at)).allowed).toBe(true);
    expect((await second.hit("shared", rule, at)).allowed).toBe(false);
  });

  it("counts concurrent hits exactly", async () => {
    const limiter = new DbRateLimiter(t.db);
    const at = t0 + 7_200_000;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => limiter.hit("burst", { limit: 5, windowSeconds: 60 }, at)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it("does nothing when the limit is 0", async () => {
    const limiter = new DbRateLimiter(t.db);
    const before = await t.db.rateLimitCounter.count();
    expect((await limiter.hit("off", { limit: 0, windowSeconds: 60 }, t0)).allowed).toBe(true);
    expect(await t.db.rateLimitCounter.count()).toBe(before);
  });

  it("sweeps expired windows", async () => {
    const limiter = new DbRateLimiter(t.db);
    await limiter.hit("old", rule, t0);
    await limiter.hit("new", rule, t0 + 86_400_000);
    const keys = (await t.db.rateLimitCounter.findMany()).map((r) => r.key);
    expect(keys.some((k) => k.startsWith("old@"))).toBe(false);
    expect(keys.some((k) => k.startsWith("new@"))).toBe(true);
  });
});
