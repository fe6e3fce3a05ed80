// Rate limits counted in the database, so that every server process on the same database shares one count
// (an in-memory count would give each process its own allowance). Sliding windows, approximated from fixed
// ones: a key's count lives in one row per window (`<key>@<window start>`), raised by a single atomic upsert
// that returns the new count, so concurrent hits from any number of processes are counted exactly. The
// previous window's count is read too and weighted by how much of it still overlaps the sliding window, so a
// burst that straddles a window boundary is held to the limit instead of getting a fresh allowance at the
// boundary. Refused attempts count as well: a client that keeps flooding stays refused.
// Rows live for two windows (as the current window, then as the previous one). Expired rows are swept at
// most once a minute per process.
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
      VALUES (${`${key}@${windowStart}`}, 1, ${new Date(windowEnd + windowMs)})
      ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
      RETURNING "count"`;
    const previousRows = await this.db.$queryRaw<{ count: number | bigint }[]>`
      SELECT "count" FROM "RateLimitCounter" WHERE "key" = ${`${key}@${windowStart - windowMs}`}`;
    const count = Number(rows[0]?.count ?? 1);
    const previous = Number(previousRows[0]?.count ?? 0);
    await this.sweep(nowMs);
    const previousWeight = 1 - (nowMs - windowStart) / windowMs;
    const estimate = count + previous * previousWeight;
    if (estimate > rule.limit) {
      return {
        allowed: false,
        retryAfterSeconds: secondsUntilAllowed(rule.limit, count, previous, nowMs, windowStart, windowMs),
        remaining: 0,
      };
    }
    return { allowed: true, retryAfterSeconds: 0, remaining: Math.max(0, Math.floor(rule.limit - estimate)) };
  }

  private async sweep(nowMs: number) {
    if (nowMs - this.lastSweep < SWEEP_EVERY_MS && nowMs >= this.lastSweep) return;
    this.lastSweep = nowMs;
    await this.db.$executeRaw`DELETE FROM "RateLimitCounter" WHERE "expiresAt" < ${new Date(nowMs)}`;
  }
}

/**
 * When one more attempt would be allowed if none came meanwhile: later in this window once the previous
 * window's weight has fallen far enough, else in the next window once this window's weight has.
 */
function secondsUntilAllowed(
  limit: number,
  count: number,
  previous: number,
  nowMs: number,
  windowStart: number,
  windowMs: number,
): number {
  let allowedAt: number;
  if (count + 1 <= limit && previous > 0) {
    allowedAt = windowStart + windowMs * (1 - (limit - count - 1) / previous);
  } else {
    allowedAt = windowStart + windowMs + windowMs * Math.max(0, 1 - (limit - 1) / count);
  }
  return Math.max(1, Math.ceil((allowedAt - nowMs) / 1000));
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
