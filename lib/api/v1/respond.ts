// HTTP details of the content API shared by its handlers: strong ETags over the exact body (so any change a
// reader could notice changes the tag), 304 for a matching If-None-Match, cache headers a CDN can honour, and
// the per-client rate limit kept in the database.
import { createHash } from "node:crypto";
import type { DbTx } from "../../db/client";
import { AppError } from "../../errors";
import { dbRateLimiterFor, type RateLimitDecision } from "../../rate-limit/db-rate-limiter";

export const API_RATE_LIMIT = { limit: 120, windowSeconds: 60 };

export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** True when If-None-Match names this ETag (or *); weak comparison, as RFC 9110 asks for GET. */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === bare);
}

export function rateLimitHeaders(d: RateLimitDecision): Record<string, string> {
  return { "RateLimit-Limit": String(API_RATE_LIMIT.limit), "RateLimit-Remaining": String(d.remaining) };
}

/** Counts the request against the client's allowance (shared by all processes); RATE_LIMITED when used up. */
export async function limitClient(db: DbTx, clientKey: string, nowMs?: number): Promise<RateLimitDecision> {
  const decision = await dbRateLimiterFor(db).hit(`api:${clientKey}`, API_RATE_LIMIT, nowMs);
  if (!decision.allowed)
    throw new AppError(
      "RATE_LIMITED",
      `Too many requests: at most ${API_RATE_LIMIT.limit} a minute. Try again in ${decision.retryAfterSeconds} s.`,
      { details: { retryAfterSeconds: decision.retryAfterSeconds } },
    );
  return decision;
}

/** 200 with the JSON body and its ETag, or 304 when the client already has it. */
export function jsonWithEtag(request: Request, value: unknown, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(value);
  const etag = etagOf(body);
  const common = {
    ETag: etag,
    "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
    Vary: "Accept-Encoding",
    ...headers,
  };
  if (notModified(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers: common });
  return new Response(body, { status: 200, headers: { ...common, "Content-Type": "application/json; charset=utf-8" } });
}
