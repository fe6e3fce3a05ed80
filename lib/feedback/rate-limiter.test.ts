import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "./rate-limiter";

describe("SlidingWindowLimiter", () => {
  const rule = { limit: 3, windowSeconds: 60 };

  it("allows `limit` hits per window, then refuses with the wait until the oldest hit leaves it", () => {
    const l = new SlidingWindowLimiter();
    expect(l.hit("k", rule, 0).allowed).toBe(true);
    expect(l.hit("k", rule, 10_000).allowed).toBe(true);
    expect(l.hit("k", rule, 20_000).remaining).toBe(0);
    const refused = l.hit("k", rule, 30_000);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 30, remaining: 0 });
    // The window slides: at 60.001 s the first hit has left it.
    expect(l.hit("k", rule, 60_001).allowed).toBe(true);
    expect(l.hit("k", rule, 60_002).allowed).toBe(false);
  });

  it("counts each key on its own", () => {
    const l = new SlidingWindowLimiter();
    for (let i = 0; i < 3; i++) l.hit("a", rule, i);
    expect(l.hit("a", rule, 5).allowed).toBe(false);
    expect(l.hit("b", rule, 5).allowed).toBe(true);
  });

  it("does not count refused attempts (a flood does not extend the wait)", () => {
    const l = new SlidingWindowLimiter();
    for (let i = 0; i < 3; i++) l.hit("k", rule, 0);
    for (let i = 0; i < 100; i++) l.hit("k", rule, 1000);
    expect(l.hit("k", rule, 60_001).allowed).toBe(true);
  });

  it("is disabled by a limit of 0 and stores nothing then", () => {
    const l = new SlidingWindowLimiter();
    for (let i = 0; i < 1000; i++) expect(l.hit("k", { limit: 0, windowSeconds: 60 }, i).allowed).toBe(true);
    expect(l.size).toBe(0);
  });

  it("keeps memory bounded: expired keys are swept and the least recent go past maxKeys", () => {
    const l = new SlidingWindowLimiter(100);
    for (let i = 0; i < 500; i++) l.hit(`k${i}`, rule, 0);
    expect(l.size).toBe(100);
    expect(l.hit("k499", rule, 1).remaining).toBe(1); // the most recent keys survive
    l.hit("new", rule, 120_000); // a minute later every old key has expired
    expect(l.size).toBe(1);
  });
});
