// The feedback limits as configured in Settings (per client and article, and the per-article hourly cap on
// blocking reports), read at most every few seconds: the limit is checked on
// every submission, and an extra query per answer would cost more than the check itself. An admin's change
// takes effect within RULE_TTL_MS.
import type { DbTx } from "../db/client";
import { getSetting } from "../settings/settings";
import type { RateLimitRule } from "../rate-limit/db-rate-limiter";

const RULE_TTL_MS = 5_000;
export interface FeedbackLimits {
  /** Answers one client may send per article per window. */
  perClient: RateLimitRule;
  /** "Inaccurate"/"outdated" reports per article per hour, from all clients together, that flag re-review. */
  blockingPerArticle: RateLimitRule;
}

let cache: { db: unknown; limits: FeedbackLimits; at: number } | null = null;

export async function loadFeedbackLimits(db: DbTx, nowMs: number = Date.now()): Promise<FeedbackLimits> {
  if (cache && cache.db === db && nowMs - cache.at < RULE_TTL_MS) return cache.limits;
  const [limit, windowSeconds, blockingPerHour] = await Promise.all([
    getSetting(db, "feedback.rateLimitPerWindow"),
    getSetting(db, "feedback.rateLimitWindowSeconds"),
    getSetting(db, "feedback.blockingReportsPerArticlePerHour"),
  ]);
  const limits = {
    perClient: { limit, windowSeconds },
    blockingPerArticle: { limit: blockingPerHour, windowSeconds: 3600 },
  };
  cache = { db, limits, at: nowMs };
  return limits;
}

/** Forget the cached rule (tests, and the settings page after a change in this process). */
export function clearFeedbackLimitsCache(): void {
  cache = null;
}
