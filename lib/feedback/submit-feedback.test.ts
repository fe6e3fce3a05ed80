import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { AppError } from "../errors";
import { putSetting } from "../settings/settings";
import { DbRateLimiter } from "../rate-limit/db-rate-limiter";
import { clearFeedbackLimitsCache } from "./load-feedback-limits";
import { submitFeedback } from "./submit-feedback";
import { listBlockingCapHits } from "./list-feedback";
import { makePublicationHistory, makeUser } from "../../tests/helpers/factory";

const t = createTestDb();
afterAll(() => t.cleanup());

const open = { limit: 0, windowSeconds: 60 };
const client = { clientHash: "c".repeat(32) };
let writerId: string;
beforeAll(async () => {
  writerId = (await makeUser(t.db, { roles: ["WRITER"] })).id;
});

async function expectAppError(p: Promise<unknown>, code: string, status: number) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).httpStatus).toBe(status);
  return err as AppError;
}

describe("submitFeedback", () => {
  it("stores a Yes with the revision the reader saw and the client hash only", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    const res = await submitFeedback(
      t.db,
      { articleId: article.id, revisionId: article.liveRevisionId, helpful: "yes" },
      client,
      { rule: open },
    );
    expect(res).toMatchObject({ stored: true, articleSlug: article.slug, flaggedForReReview: false });
    const row = await t.db.feedback.findUniqueOrThrow({ where: { id: res.id! } });
    expect(row).toMatchObject({
      helpful: true,
      reason: null,
      revisionId: article.liveRevisionId,
      clientHash: client.clientHash,
      status: "NEW",
    });
  });

  it("keeps blocking reports beyond the article's hourly cap for triage without flagging re-review", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    const cap = { limit: 2, windowSeconds: 3600 };
    const now = new Date("2026-11-25T10:00:00Z");
    const report = (i: number) =>
      submitFeedback(
        t.db,
        { articleId: article.id, revisionId: article.liveRevisionId, helpful: "no", reason: "INACCURATE" },
        { clientHash: String(i).padStart(32, "0") }, // every report from "another" client
        { rule: open, blockingRule: cap, now },
      );
    const first = await report(1);
    await report(2);
    expect(first).toMatchObject({ flaggedForReReview: true, beyondBlockingCap: false });
    // The editor finishes the re-review; further reports this hour are beyond the cap.
    await t.db.article.update({ where: { id: article.id }, data: { needsReReview: false } });
    const third = await report(3);
    expect(third).toMatchObject({ stored: true, flaggedForReReview: false, beyondBlockingCap: true });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).needsReReview).toBe(false);
    const rows = await t.db.feedback.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.beyondBlockingCap).sort()).toEqual([false, false, true]);
    // The editors' inbox names the article whose cap was hit.
    const hits = await listBlockingCapHits(t.db, new Date("2026-11-25T00:00:00Z"));
    expect(hits.find((h) => h.articleId === article.id)).toMatchObject({ reports: 1 });
    // A helpful answer or a non-blocking reason never counts toward the cap.
    const unclear = await submitFeedback(
      t.db,
      { articleId: article.id, revisionId: article.liveRevisionId, helpful: "no", reason: "UNCLEAR" },
      client,
      { rule: open, blockingRule: cap, now },
    );
    expect(unclear.beyondBlockingCap).toBe(false);
  });

  it("flags the article for re-review on an outdated report, audited once", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    const input = {
      articleId: article.id,
      revisionId: article.liveRevisionId,
      helpful: "no",
      reason: "OUTDATED",
      comment: "New guidance in 2026",
    };
    const first = await submitFeedback(t.db, input, client, { rule: open });
    const second = await submitFeedback(t.db, { ...input, reason: "INACCURATE" }, client, { rule: open });
    expect(first.flaggedForReReview).toBe(true);
    expect(second.flaggedForReReview).toBe(false);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).needsReReview).toBe(true);
    const events = await t.db.auditEvent.findMany({
      where: { entityId: article.id, action: "article.flagged_for_rereview" },
    });
    expect(events).toHaveLength(1);
  });

  it("does not flag for unclear or typo reports", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    await submitFeedback(
      t.db,
      { articleId: article.id, revisionId: article.liveRevisionId, helpful: "no", reason: "UNCLEAR" },
      client,
      { rule: open },
    );
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).needsReReview).toBe(false);
  });

  it("accepts an earlier published version (page loaded before a publish)", async () => {
    const { article, revisions } = await makePublicationHistory(t.db, {
      authorId: writerId,
      revisions: 2,
      publishedCount: 2,
    });
    const res = await submitFeedback(
      t.db,
      { articleId: article.id, revisionId: revisions[0].id, helpful: "yes" },
      client,
      { rule: open },
    );
    expect(res.stored).toBe(true);
  });

  it("refuses a forged revision: never published, or another article's", async () => {
    const { article, revisions } = await makePublicationHistory(t.db, {
      authorId: writerId,
      revisions: 2,
      publishedCount: 1,
    });
    const other = await makePublicationHistory(t.db, { authorId: writerId });
    const before = await t.db.feedback.count();
    const unpublished = await expectAppError(
      submitFeedback(t.db, { articleId: article.id, revisionId: revisions[1].id, helpful: "yes" }, client, {
        rule: open,
      }),
      "BAD_REQUEST",
      400,
    );
    expect(unpublished.message).toMatch(/never published/);
    await expectAppError(
      submitFeedback(
        t.db,
        { articleId: article.id, revisionId: other.article.liveRevisionId, helpful: "yes" },
        client,
        { rule: open },
      ),
      "BAD_REQUEST",
      400,
    );
    await expectAppError(
      submitFeedback(t.db, { articleId: article.id, revisionId: "forged123", helpful: "yes" }, client, { rule: open }),
      "BAD_REQUEST",
      400,
    );
    expect(await t.db.feedback.count()).toBe(before);
  });

  it("refuses unpublished or unknown articles with 404", async () => {
    const { article, revisions } = await makePublicationHistory(t.db, { authorId: writerId, publishedCount: 0 });
    await expectAppError(
      submitFeedback(t.db, { articleId: article.id, revisionId: revisions[0].id, helpful: "yes" }, client, {
        rule: open,
      }),
      "NOT_FOUND",
      404,
    );
    await expectAppError(
      submitFeedback(t.db, { articleId: "nope", revisionId: revisions[0].id, helpful: "yes" }, client, { rule: open }),
      "NOT_FOUND",
      404,
    );
  });

  it("refuses invalid input field by field and stores nothing", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    const before = await t.db.feedback.count();
    const err = await expectAppError(
      submitFeedback(
        t.db,
        { articleId: article.id, revisionId: article.liveRevisionId, helpful: "no", comment: "x".repeat(10_000) },
        client,
        { rule: open },
      ),
      "VALIDATION",
      400,
    );
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["comment", "reason"]);
    expect(await t.db.feedback.count()).toBe(before);
  });

  it("answers the honeypot with a quiet success and stores nothing", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    const before = await t.db.feedback.count();
    const res = await submitFeedback(
      t.db,
      { articleId: article.id, revisionId: article.liveRevisionId, helpful: "no", reason: "OTHER", website: "buy" },
      client,
      { rule: open },
    );
    expect(res).toMatchObject({ stored: false, id: null });
    expect(await t.db.feedback.count()).toBe(before);
  });

  it("limits each client per article, with the seconds to wait", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    const other = await makePublicationHistory(t.db, { authorId: writerId });
    const limiter = new DbRateLimiter(t.db);
    const rule = { limit: 2, windowSeconds: 600 };
    const now = new Date("2026-11-25T10:00:00Z");
    const answer = (a: { id: string; liveRevisionId: string | null }, c = client, at = now) =>
      submitFeedback(t.db, { articleId: a.id, revisionId: a.liveRevisionId, helpful: "yes" }, c, {
        limiter,
        rule,
        now: at,
      });
    await answer(article);
    await answer(article);
    const err = await expectAppError(answer(article), "RATE_LIMITED", 429);
    // Three attempts (the refused one counts) against a limit of 2: allowed again two thirds of the way into
    // the next window, when they weigh 3 × (1 − 2/3) + the new one = 2.
    expect(err.details?.retryAfterSeconds).toBe(1000);
    expect(err.message).toMatch(/try again in 17 minutes/);
    // Another article, or another client, is not held back.
    await expect(answer(other.article)).resolves.toMatchObject({ stored: true });
    await expect(answer(article, { clientHash: "d".repeat(32) })).resolves.toMatchObject({ stored: true });
    expect(await t.db.feedback.count({ where: { articleId: article.id } })).toBe(3);
  });

  it("reads the limit from Settings, where 0 disables it", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    const limiter = new DbRateLimiter(t.db);
    await putSetting(t.db, "feedback.rateLimitPerWindow", 1);
    clearFeedbackLimitsCache();
    const answer = () =>
      submitFeedback(t.db, { articleId: article.id, revisionId: article.liveRevisionId, helpful: "yes" }, client, {
        limiter,
      });
    await answer();
    await expectAppError(answer(), "RATE_LIMITED", 429);
    await putSetting(t.db, "feedback.rateLimitPerWindow", 0);
    clearFeedbackLimitsCache();
    for (let i = 0; i < 5; i++) await answer();
    expect(await t.db.feedback.count({ where: { articleId: article.id } })).toBe(6);
  });
});
