// Counters for throttling (sign-in attempts per account and per client address, reset requests …), kept in the
// database so every app process shares them. Each counter is a fixed window that opens with its first counted
// attempt. `countAttempt` increments and reads the counter in ONE statement (INSERT … ON CONFLICT DO UPDATE …
// RETURNING), so N parallel attempts get N distinct counts and at most `limit` of them are allowed: callers
// count an attempt before doing the work it guards (e.g. checking a password), never after.
// The SQL is plain enough for SQLite (3.35+) and PostgreSQL alike.
import type { DbTx } from "../db/client";

export interface AttemptRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface AttemptDecision {
  allowed: boolean;
  /** This attempt's number in the current window (1 = first). */
  count: number;
  /** Whole seconds until the window closes (0 when allowed). */
  retryAfterSeconds: number;
}

/** Counts one attempt for `key` and says whether it is within the rule. */
export async function countAttempt(
  db: DbTx,
  key: string,
  rule: AttemptRule,
  now: Date = new Date(),
): Promise<AttemptDecision> {
  const nowMs = now.getTime();
  const expiredBefore = nowMs - rule.windowMs;
  // Column references in SET are the row's old values, so both CASEs test the same (old) window start.
  const rows = await db.$queryRaw<Array<{ count: number | bigint; windowStartMs: number | bigint }>>`
    INSERT INTO "AttemptCounter" ("key", "windowStartMs", "count") VALUES (${key}, ${nowMs}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "AttemptCounter"."windowStartMs" <= ${expiredBefore} THEN 1
                     ELSE "AttemptCounter"."count" + 1 END,
      "windowStartMs" = CASE WHEN "AttemptCounter"."windowStartMs" <= ${expiredBefore} THEN ${nowMs}
                             ELSE "AttemptCounter"."windowStartMs" END
    RETURNING "count", "windowStartMs"`;
  const count = Number(rows[0].count);
  const windowStartMs = Number(rows[0].windowStartMs);
  const allowed = count <= rule.limit;
  const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((windowStartMs + rule.windowMs - nowMs) / 1000));
  return { allowed, count, retryAfterSeconds };
}

/** Gives back one counted attempt (e.g. a sign-in that succeeded is not a guess). */
export async function refundAttempt(db: DbTx, key: string): Promise<void> {
  await db.attemptCounter.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Forgets the counter (a successful sign-in clears the account's count, so a later typo starts from zero). */
export async function clearAttempts(db: DbTx, key: string): Promise<void> {
  await db.attemptCounter.deleteMany({ where: { key } });
}
