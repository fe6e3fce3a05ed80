// Rate limits counted in the database, so that every server process on the same database shares one count
// (an in-memory count would give each process its own allowance). Fixed windows: a key's count lives in one
// row per window (`<key>@<window start>`), raised by a single atomic upsert that returns the new count, so
// concurrent hits from any number of processes are counted exactly. A burst can straddle a window boundary
// (up to twice the limit across two adjacent windows); that is the price of one statement per hit.
// Expired rows are swept at most once a minute per process.
//
// Plain SQL with an upsert + RETURNING that SQLite and PostgreSQL both understand; values are bound.
import type { DbTx } from "../db/client";

export interface RateLimitRule {
  /** Attempts allowed per window; 0 disables the limit. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until one more attempt would be allowed (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

/** What the feedback endpoint (and anything else rate-limited) needs from a limiter. */
export interface RateLimiter {
  /** Counts one attempt for `key` at `nowMs` and says whether it is within the rule. */
  hit(key: string, rule: RateLimitRule, nowMs?: number): Promise<RateLimitDecision> | RateLimitDecision;
}

const SWEEP_EVERY_MS = 60_000;

export class DbRateLimiter implements RateLimiter {
  private lastSweep = 0;

  constructor(private readonly db: DbTx) {}

  async hit(key: string, rule: RateLimitRule, nowMs: number = Date.now()): Promise<RateLimitDecision> {
    if (rule.limit <= 0 || rule.windowSeconds <= 0) return { allowed: true, retryAfterSeconds: 0, remaining: Infinity };
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(nowMs / windowMs) * windowMs;
    const windowEnd = windowStart + windowMs;
    const rows = await this.db.$queryRaw<{ count: number | bigint }[]>`
      INSERT INTO "RateLimitCounter" ("key", "count", "expiresAt")
      VALUES (${`${key}@${windowStart}`}, 1, ${new Date(windowEnd)})
      ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "count"`;
    const count = Number(rows[0]?.count ?? 1);
    await this.sweep(nowMs);
    if (count > rule.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - nowMs) / 1000)), remaining: 0 };
    }
    return { allowed: true, retryAfterSeconds: 0, remaining: rule.limit - count };
  }

  private async sweep(nowMs: number) {
    if (nowMs - this.lastSweep < SWEEP_EVERY_MS && nowMs >= this.lastSweep) return;
    this.lastSweep = nowMs;
    await this.db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "expiresAt" < ${new Date(nowMs)}`;
  }
}

const limiters = new WeakMap<object, DbRateLimiter>();

/** One limiter per database client (its sweep clock is per process). */
export function dbRateLimiterFor(db: DbTx): DbRateLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new DbRateLimiter(db);
    limiters.set(db, limiter);
  }
  return limiter;
}
