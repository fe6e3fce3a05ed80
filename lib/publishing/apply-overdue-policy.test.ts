import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makePublishedArticle, makeTeam } from "../../tests/helpers/publish-fixtures";
import { putSetting } from "../settings/settings";
import { readPublicChange } from "../page-cache/public-change";
import { getPublicArticle } from "../public/get-public-article";
import { verifyAuditChain } from "../audit/verify-chain";
import {
  applyOverduePolicy,
  OVERDUE_APPLIED_ACTION,
  OVERDUE_CLEARED_ACTION,
  overdueActionFor,
} from "./apply-overdue-policy";

const t = createTestDb();
afterAll(() => t.cleanup());

const DAY = 86_400_000;

async function overdueArticle(daysOverdue: number) {
  const team = await makeTeam(t.db);
  const a = await makePublishedArticle(t.db, team, { title: `Overdue ${Math.random()}` });
  await t.db.article.update({
    where: { id: a.articleId },
    data: { reviewDueAt: new Date(Date.now() - daysOverdue * DAY) },
  });
  return a;
}

async function eventsOf(articleId: string) {
  return t.db.auditEvent.findMany({
    where: { entityId: articleId, action: { in: [OVERDUE_APPLIED_ACTION, OVERDUE_CLEARED_ACTION] } },
    orderBy: { id: "asc" },
  });
}

describe("overdueActionFor", () => {
  const now = new Date("2026-06-15T00:00:00Z");
  const past = (days: number) => new Date(now.getTime() - days * DAY);
  it("is null before the due date and without one", () => {
    expect(overdueActionFor("notice", 30, null, now)).toBeNull();
    expect(overdueActionFor("noindex", 30, new Date(now.getTime() + DAY), now)).toBeNull();
  });
  it("follows the policy once overdue; withdrawal only after the grace period", () => {
    expect(overdueActionFor("notice", 30, past(1), now)).toBe("NOTICE");
    expect(overdueActionFor("noindex", 30, past(1), now)).toBe("NOINDEX");
    expect(overdueActionFor("withdraw", 30, past(29), now)).toBe("NOTICE");
    expect(overdueActionFor("withdraw", 30, past(30), now)).toBe("WITHDRAWN");
  });
});

describe("applyOverduePolicy", () => {
  it("puts the notice on an overdue page, audited, and moves the public change counter once", async () => {
    await putSetting(t.db, "review.overduePolicy", "notice");
    const a = await overdueArticle(3);
    const before = await readPublicChange(t.db);
    const modified = (await t.db.article.findUniqueOrThrow({ where: { id: a.articleId } })).updatedAt;
    const run = await applyOverduePolicy(t.db);
    // Not an edit: the article's last-modified time (the studio list's sort key) is left alone.
    expect((await t.db.article.findUniqueOrThrow({ where: { id: a.articleId } })).updatedAt).toEqual(modified);
    expect(run.transitions).toContainEqual(
      expect.objectContaining({ articleId: a.articleId, from: null, to: "NOTICE" }),
    );
    expect(run.readerChange?.tags.length).toBeGreaterThan(0);
    expect(await readPublicChange(t.db)).toBeGreaterThan(before);
    const page = await getPublicArticle(t.db, a.slug);
    expect(page?.overdueAction).toBe("NOTICE");
    const [event] = await eventsOf(a.articleId);
    expect(event.action).toBe(OVERDUE_APPLIED_ACTION);
    expect(JSON.parse(event.dataJson)).toMatchObject({ from: null, to: "NOTICE", policy: "notice", overdueDays: 3 });

    // A second tick finds nothing to do: no second event, no counter move.
    const counter = await readPublicChange(t.db);
    const again = await applyOverduePolicy(t.db);
    expect(again.transitions.find((x) => x.articleId === a.articleId)).toBeUndefined();
    expect(await readPublicChange(t.db)).toBe(counter);
    expect(await eventsOf(a.articleId)).toHaveLength(1);
  });

  it("switches to noindex when the admin changes the policy, and lifts it when the due date moves on", async () => {
    await putSetting(t.db, "review.overduePolicy", "notice");
    const a = await overdueArticle(10);
    await applyOverduePolicy(t.db);
    await putSetting(t.db, "review.overduePolicy", "noindex");
    await applyOverduePolicy(t.db);
    expect((await getPublicArticle(t.db, a.slug))?.overdueAction).toBe("NOINDEX");

    // Re-reviewed and published again: the due date is in the future, the tick lifts the action.
    await t.db.article.update({ where: { id: a.articleId }, data: { reviewDueAt: new Date(Date.now() + 300 * DAY) } });
    await applyOverduePolicy(t.db);
    expect((await getPublicArticle(t.db, a.slug))?.overdueAction).toBeNull();
    const events = await eventsOf(a.articleId);
    expect(events.map((e) => [e.action, JSON.parse(e.dataJson).to])).toEqual([
      [OVERDUE_APPLIED_ACTION, "NOTICE"],
      [OVERDUE_APPLIED_ACTION, "NOINDEX"],
      [OVERDUE_CLEARED_ACTION, null],
    ]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    await putSetting(t.db, "review.overduePolicy", "notice");
  });

  it("with the withdraw policy, shows the notice in the grace period and takes the page down after it", async () => {
    await putSetting(t.db, "review.overduePolicy", "withdraw");
    await putSetting(t.db, "review.overdueGraceDays", 14);
    const inGrace = await overdueArticle(5);
    const pastGrace = await overdueArticle(20);
    await applyOverduePolicy(t.db);
    expect((await getPublicArticle(t.db, inGrace.slug))?.overdueAction).toBe("NOTICE");
    expect(await getPublicArticle(t.db, pastGrace.slug)).toBeNull();
    const withdrawn = await t.db.article.findUniqueOrThrow({ where: { id: pastGrace.articleId } });
    expect(withdrawn).toMatchObject({ status: "UNPUBLISHED", liveRevisionId: null, overdueAction: "WITHDRAWN" });
    const pub = await t.db.publication.findFirstOrThrow({ where: { articleId: pastGrace.articleId } });
    expect(pub.unpublishedAt).not.toBeNull();
    // Nothing left to do: the withdrawn page stays withdrawn without a new event on each tick.
    const run = await applyOverduePolicy(t.db);
    expect(run.transitions.map((x) => x.articleId)).not.toContain(pastGrace.articleId);
    await putSetting(t.db, "review.overduePolicy", "notice");
  });
});
