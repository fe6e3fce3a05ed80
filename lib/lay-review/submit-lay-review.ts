// The lay reader's side: open the link (peek, without using it up) and send the answers (uses the link up in
// the same transaction as the answers are stored, with a conditional update, so two sends cannot both count).
// Rate-limited per client address, since the page is public.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import { recordAuditEvent } from "../audit/record-event";
import { hashToken } from "../accounts/account-tokens";
import { dbRateLimiterFor, type RateLimitRule } from "../rate-limit/db-rate-limiter";
import { parseInput } from "../validation";
import { READING_EASE, UNDERSTANDABLE } from "./lay-review-questions";

/** Opens and answers of one valid link (a reader reloading, or a script hammering one link). */
export const LAY_LINK_RATE_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 600 };
/** Unknown, used or expired links asked for by one client address (guessing, or a stale link reloaded). */
export const LAY_LINK_MISS_RATE_LIMIT: RateLimitRule = { limit: 60, windowSeconds: 600 };

export const INVALID_LAY_LINK =
  "This reading link has expired or was already used. If you would still like to help, ask the person who invited you for a new link.";

const text = (max: number, label: string) =>
  z.string().trim().max(max, `Keep ${label} under ${max} characters.`).default("");

export const layReviewAnswersSchema = z.object({
  understandable: z.enum(UNDERSTANDABLE, { error: "Say whether you could understand the page." }),
  missing: text(4000, "this answer"),
  worrying: text(4000, "this answer"),
  readingEase: z.enum(READING_EASE, { error: "Say how it felt to read." }),
  livedExperience: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  comments: text(8000, "your comments"),
});
export type LayReviewAnswers = z.output<typeof layReviewAnswersSchema>;

/**
 * Counts one use of the public link page or form; throws RATE_LIMITED past the rule. A valid link is counted
 * on its own (whoever holds it); a link that opens nothing is counted against the client's address.
 */
export async function limitLayLink(
  db: DbTx,
  use: { inviteId: string | null; clientKey: string },
  nowMs: number = Date.now(),
) {
  const [key, rule] = use.inviteId
    ? [`lay-review:link:${use.inviteId}`, LAY_LINK_RATE_LIMIT]
    : [`lay-review:miss:${use.clientKey}`, LAY_LINK_MISS_RATE_LIMIT];
  const decision = await dbRateLimiterFor(db).hit(key, rule, nowMs);
  if (!decision.allowed) {
    const minutes = Math.max(1, Math.ceil(decision.retryAfterSeconds / 60));
    throw new AppError("RATE_LIMITED", `Too many tries in a short time. Please try again in ${minutes} minutes.`, {
      details: { retryAfterSeconds: decision.retryAfterSeconds },
    });
  }
}

/** The invitation a token belongs to, if any (used or not), for counting its uses. */
export async function findLayInviteId(db: DbTx, token: string): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const row = await db.layReviewInvite.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true } });
  return row?.id ?? null;
}

/**
 * What the link shows: the frozen revision's title, summary and body, nothing about staff. null for an unknown,
 * used or expired link.
 */
export async function openLayReviewLink(db: DbTx, token: string, now: Date = new Date()) {
  if (!token || token.length > 200) return null;
  const invite = await db.layReviewInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revisionId: true, expiresAt: true, usedAt: true },
  });
  if (!invite || invite.usedAt || invite.expiresAt.getTime() <= now.getTime()) return null;
  const revision = await db.revision.findUniqueOrThrow({
    where: { id: invite.revisionId },
    select: { title: true, summary: true, bodyHtml: true },
  });
  return { inviteId: invite.id, expiresAt: invite.expiresAt, revision };
}

export async function submitLayReview(db: Db, token: string, input: unknown, now: Date = new Date()) {
  const answers = parseInput(layReviewAnswersSchema, input, "Please check your answers: some need attention.");
  return db.$transaction(async (tx) => {
    const invite = await tx.layReviewInvite.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, articleId: true, revisionId: true, contentHash: true },
    });
    const { count } = invite
      ? await tx.layReviewInvite.updateMany({
          where: { id: invite.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        })
      : { count: 0 };
    if (!invite || count !== 1)
      throw new AppError("BAD_REQUEST", INVALID_LAY_LINK, { details: { reason: "invalid_token" } });
    const review = await tx.layReview.create({
      data: {
        inviteId: invite.id,
        revisionId: invite.revisionId,
        contentHash: invite.contentHash,
        ...answers,
        createdAt: now,
      },
    });
    // No actor: the reader has no account, and who they are stays with the inviting editor.
    await recordAuditEvent(tx, {
      actorId: null,
      action: "lay_review.recorded",
      entityType: "Article",
      entityId: invite.articleId,
      data: {
        layReviewId: review.id,
        inviteId: invite.id,
        revisionId: invite.revisionId,
        contentHash: invite.contentHash,
      },
    });
    return review;
  });
}
