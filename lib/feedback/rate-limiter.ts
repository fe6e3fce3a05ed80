// A sliding-window rate limiter held in memory. Enough for one server process (the deployment this project
// targets: one `next start` on one SQLite file); several processes would each count on their own and need a
// shared store instead. Memory is bounded: expired keys are swept, and past `maxKeys` the oldest keys go first.

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until one more attempt would be allowed (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

export interface RateLimitRule {
  /** Attempts allowed per window; 0 disables the limit. */
  limit: number;
  windowSeconds: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(private readonly maxKeys = 50_000) {}

  /** Counts one attempt for `key` at `nowMs` if the rule allows it; refused attempts are not counted. */
  hit(key: string, rule: RateLimitRule, nowMs: number = Date.now()): RateLimitDecision {
    if (rule.limit <= 0 || rule.windowSeconds <= 0) return { allowed: true, retryAfterSeconds: 0, remaining: Infinity };
    const windowMs = rule.windowSeconds * 1000;
    this.sweep(nowMs, windowMs);

    const since = nowMs - windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= rule.limit) {
      this.hits.set(key, times);
      // The oldest hit still in the window leaves it at times[0] + windowMs; one more is allowed then.
      const retryAfterSeconds = Math.max(1, Math.ceil((times[0] + windowMs - nowMs) / 1000));
      return { allowed: false, retryAfterSeconds, remaining: 0 };
    }
    times.push(nowMs);
    // Re-insert so Map order tracks recency: eviction past maxKeys removes the least recently used key.
    this.hits.delete(key);
    this.hits.set(key, times);
    this.evictOverflow();
    return { allowed: true, retryAfterSeconds: 0, remaining: rule.limit - times.length };
  }

  get size(): number {
    return this.hits.size;
  }

  reset(): void {
    this.hits.clear();
  }

  private sweep(nowMs: number, windowMs: number) {
    if (nowMs - this.lastSweep < Math.min(windowMs, 60_000)) return;
    this.lastSweep = nowMs;
    const since = nowMs - windowMs;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1] <= since) this.hits.delete(key);
    }
  }

  private evictOverflow() {
    while (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest === undefined) break;
      this.hits.delete(oldest);
    }
  }
}
