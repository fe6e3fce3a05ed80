// The feedback rate limit as configured in Settings, read at most every few seconds: the limit is checked on
// every submission, and an extra query per answer would cost more than the check itself. An admin's change
// takes effect within RULE_TTL_MS.
import type { DbTx } from "../db/client";
import { getSetting } from "../settings/settings";
import type { RateLimitRule } from "./rate-limiter";

const RULE_TTL_MS = 5_000;
let cache: { db: unknown; rule: RateLimitRule; at: number } | null = null;

export async function loadFeedbackRateLimitRule(db: DbTx, nowMs: number = Date.now()): Promise<RateLimitRule> {
  if (cache && cache.db === db && nowMs - cache.at < RULE_TTL_MS) return cache.rule;
  const [limit, windowSeconds] = await Promise.all([
    getSetting(db, "feedback.rateLimitPerWindow"),
    getSetting(db, "feedback.rateLimitWindowSeconds"),
  ]);
  const rule = { limit, windowSeconds };
  cache = { db, rule, at: nowMs };
  return rule;
}

/** Forget the cached rule (tests, and the settings page after a change in this process). */
export function clearFeedbackRateLimitRuleCache(): void {
  cache = null;
}
