// Asking for a reset link must not tell whether an address has an account, by its answer or by how long the
// answer takes. Two checks: the request asks the database exactly the same things for a known and an unknown
// address (which is why the times match), and the times themselves, compared pair by pair so that load on a
// shared machine falls on both kinds alike (a sign test the old code failed in every run).
import { performance } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser, uniqueSuffix } from "../../tests/helpers/factory";
import type { Db } from "../db/client";
import { requestPasswordReset } from "./password-reset";

const t = createTestDb();
afterAll(() => t.cleanup());

/**
 * The same client, recording every call it is asked to make: "model.operation", raw queries and transactions,
 * and the calls made inside a transaction on its transaction client.
 */
function recordingDb(db: Db): { db: Db; calls: string[] } {
  const calls: string[] = [];
  const wrap = <T extends object>(client: T): T =>
    new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop !== "string") return value;
        if (prop === "$transaction")
          return (arg: unknown, options?: unknown) => {
            calls.push("$transaction");
            const run = target as unknown as { $transaction: (a: unknown, o?: unknown) => Promise<unknown> };
            return typeof arg === "function"
              ? run.$transaction((tx: object) => (arg as (tx: object) => unknown)(wrap(tx)), options)
              : run.$transaction(arg, options);
          };
        if (prop.startsWith("$") && typeof value === "function")
          return (...args: unknown[]) => {
            calls.push(prop);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        if (!prop.startsWith("$") && value && typeof value === "object")
          return new Proxy(value, {
            get(delegate, op) {
              const fn = Reflect.get(delegate, op) as unknown;
              if (typeof fn !== "function" || typeof op !== "string") return fn;
              return (...args: unknown[]) => {
                calls.push(`${prop}.${op}`);
                return (fn as (...a: unknown[]) => unknown).apply(delegate, args);
              };
            },
          });
        return value;
      },
    });
  return { db: wrap(db), calls };
}

/** Known and unknown addresses of one shape, so that only whether an account uses them differs. */
const freshAddress = () => `reset-${uniqueSuffix()}@test.example`;
const client = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

describe("password reset requests take the same path whatever the address", () => {
  it("ask the database the same things for a known and an unknown address", async () => {
    const known = await makeUser(t.db, { email: freshAddress() });
    const a = recordingDb(t.db);
    await requestPasswordReset(a.db, { email: known.email }, { clientAddress: client() });
    const b = recordingDb(t.db);
    await requestPasswordReset(b.db, { email: freshAddress() }, { clientAddress: client() });
    expect(a.calls.length).toBeGreaterThan(0);
    expect(a.calls).toEqual(b.calls);
  });

  it("take the same time for known and unknown addresses (paired sign test)", async () => {
    // Requests go in pairs, one known and one unknown address, in random order within the pair: whatever load
    // the machine is under falls on both requests of a pair alike, and neither kind systematically follows the
    // other. If the times do not depend on the address, the known one is the slower of its pair about half the
    // time (binomial, n = PAIRS − WARM_UP); outside 25–75 % is off by more than 4 standard deviations
    // (p < 0.0001). The old code, which ran a write transaction only for known addresses, made the known
    // request the slower one in nearly every pair.
    const PAIRS = 80;
    const WARM_UP = 6;
    // Fresh addresses and client addresses for every request: no request is cut short by a rate limit.
    const users = await Promise.all(Array.from({ length: PAIRS }, () => makeUser(t.db, { email: freshAddress() })));
    const pairs: Array<{ known: number; unknown: number }> = [];
    const time = async (email: string) => {
      const started = performance.now();
      await requestPasswordReset(t.db, { email }, { clientAddress: client() });
      return performance.now() - started;
    };
    for (let i = 0; i < PAIRS; i++) {
      const unknownEmail = freshAddress();
      let known: number;
      let unknown: number;
      if (Math.random() < 0.5) {
        known = await time(users[i].email);
        unknown = await time(unknownEmail);
      } else {
        unknown = await time(unknownEmail);
        known = await time(users[i].email);
      }
      if (i >= WARM_UP) pairs.push({ known, unknown });
    }
    const knownSlower = pairs.filter((p) => p.known > p.unknown).length / pairs.length;
    const knownMedian = median(pairs.map((p) => p.known));
    const unknownMedian = median(pairs.map((p) => p.unknown));
    console.log(
      `reset requests: known ${knownMedian.toFixed(2)} ms, unknown ${unknownMedian.toFixed(2)} ms (medians); ` +
        `the known one was slower in ${(knownSlower * 100).toFixed(0)} % of ${pairs.length} pairs`,
    );
    expect(knownSlower).toBeGreaterThan(0.25);
    expect(knownSlower).toBeLessThan(0.75);
  }, 180_000); // 160 requests plus 80 users on a loaded machine
});
