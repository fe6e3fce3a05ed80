// Stores one reader's answer to "Was this article helpful?". Order matters: validate the shape (cheap, no
// quota used), then count the attempt against the rate limit, then check that the answer names a version of
// the article readers could actually have seen, and only then write.
// Both limits are counted in the database (lib/rate-limit/db-rate-limiter.ts), so several server processes
// share them: the per-client allowance, and a per-article hourly cap on "inaccurate"/"outdated" reports from
// all clients together. Reports beyond the cap are stored and marked for triage but do not flag the article
// for re-review by themselves, so a flood of anonymous reports cannot keep pulling an article into review.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { recordAuditEvent } from "../audit/record-event";
import { feedbackSubmissionSchema } from "./feedback-schema";
import { dbRateLimiterFor, type RateLimiter, type RateLimitRule } from "../rate-limit/db-rate-limiter";
import { loadFeedbackLimits } from "./load-feedback-limits";
import { isBlockingReason } from "./reasons";
import { feedbackWriterFor } from "./batch-writer";
import { publishedRevisions, type PublishedRevisionCache } from "./published-revisions";

export interface FeedbackClient {
  /** From hashClient(): never the raw address. */
  clientHash: string;
}

export interface SubmitFeedbackOptions {
  /** Defaults to the database-backed limiter of `db`. */
  limiter?: RateLimiter;
  /** Override the rules from Settings (tests). */
  rule?: RateLimitRule;
  blockingRule?: RateLimitRule;
  targets?: PublishedRevisionCache;
  now?: Date;
}

export interface SubmitFeedbackResult {
  /** False when the honeypot was filled: the sender is told "thank you" but nothing is kept. */
  stored: boolean;
  id: string | null;
  articleSlug: string;
  flaggedForReReview: boolean;
  /** True when a blocking report went beyond the article's hourly cap (stored for triage, no re-review flag). */
  beyondBlockingCap: boolean;
}

export async function submitFeedback(
  db: Db,
  input: unknown,
  client: FeedbackClient,
  options: SubmitFeedbackOptions = {},
): Promise<SubmitFeedbackResult> {
  const data = parseInput(feedbackSubmissionSchema, input, "Please check your answer: some fields need attention.");
  const now = options.now ?? new Date();
  const limiter = options.limiter ?? dbRateLimiterFor(db);
  const limits = options.rule && options.blockingRule ? null : await loadFeedbackLimits(db, now.getTime());
  const rule = options.rule ?? limits!.perClient;
  const blockingRule = options.blockingRule ?? limits!.blockingPerArticle;

  const decision = await limiter.hit(`feedback:${client.clientHash}:${data.articleId}`, rule, now.getTime());
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new AppError(
      "RATE_LIMITED",
      `You have sent several answers about this article in a short time. Please try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`,
      { details: { retryAfterSeconds: decision.retryAfterSeconds } },
    );
  }

  const target = await (options.targets ?? publishedRevisions).lookup(
    db,
    data.articleId,
    data.revisionId,
    now.getTime(),
  );
  if (!target || !target.live) {
    throw new AppError("NOT_FOUND", "This article is not published, so it cannot take feedback.");
  }
  if (!target.revisionSeen) {
    // A reader may have loaded the page just before a newer version went live: any version that was once
    // published for this article is accepted; anything else was never shown to a reader.
    throw new AppError(
      "BAD_REQUEST",
      "Your answer refers to a version of this article that was never published. Please reload the article and answer again.",
      { fieldErrors: { revisionId: ["Unknown version of this article."] } },
    );
  }
  const article = { id: data.articleId, slug: target.slug };

  if (data.honeypotFilled)
    return { stored: false, id: null, articleSlug: article.slug, flaggedForReReview: false, beyondBlockingCap: false };

  const row = {
    articleId: article.id,
    revisionId: data.revisionId,
    helpful: data.helpful,
    reason: data.reason,
    comment: data.comment,
    email: data.email,
    clientHash: client.clientHash,
    createdAt: now,
  };

  if (!isBlockingReason(data.reason)) {
    const id = await feedbackWriterFor(db).insert(row);
    return { stored: true, id, articleSlug: article.slug, flaggedForReReview: false, beyondBlockingCap: false };
  }

  const cap = await limiter.hit(`feedback-blocking:${article.id}`, blockingRule, now.getTime());
  const beyondBlockingCap = !cap.allowed;

  // An "inaccurate" or "outdated" report puts the medical content in doubt: flag the article for re-review,
  // and audit the flag (not every answer: readers' answers are not editorial acts) in the same transaction.
  // These are rare, so they take this direct path rather than the batch writer.
  return db.$transaction(async (tx) => {
    const created = await tx.feedback.create({ data: { ...row, beyondBlockingCap }, select: { id: true } });
    if (beyondBlockingCap)
      return { stored: true, id: created.id, articleSlug: article.slug, flaggedForReReview: false, beyondBlockingCap };
    const flagged = await tx.article.updateMany({
      where: { id: article.id, needsReReview: false },
      data: { needsReReview: true },
    });
    if (flagged.count > 0) {
      await recordAuditEvent(tx, {
        actorId: null,
        action: "article.flagged_for_rereview",
        entityType: "Article",
        entityId: article.id,
        data: { cause: "reader_feedback", feedbackId: created.id, reason: data.reason, revisionId: data.revisionId },
      });
    }
    return {
      stored: true,
      id: created.id,
      articleSlug: article.slug,
      flaggedForReReview: flagged.count > 0,
      beyondBlockingCap,
    };
  });
}
