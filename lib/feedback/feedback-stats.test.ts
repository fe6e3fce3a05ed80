import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import {
  formatRate,
  getArticleFeedbackStats,
  helpfulness,
  listLeastHelpful,
  weekStartOf,
  weeklySeries,
} from "./feedback-stats";
import { makePublicationHistory, makeUser } from "../../tests/helpers/factory";

const t = createTestDb();
afterAll(() => t.cleanup());
let writerId: string;
beforeAll(async () => {
  writerId = (await makeUser(t.db, { roles: ["WRITER"] })).id;
});

describe("helpfulness", () => {
  it("has no rate without answers", () => {
    expect(helpfulness(0, 0).rate).toBeNull();
    expect(formatRate(null)).toBe("–");
    expect(formatRate(helpfulness(2, 1).rate)).toBe("67 %");
  });
});

describe("weeklySeries", () => {
  it("starts weeks on Monday UTC and includes empty weeks", () => {
    expect(weekStartOf(new Date("2026-11-29T23:00:00Z")).toISOString().slice(0, 10)).toBe("2026-11-23"); // a Sunday
    expect(weekStartOf(new Date("2026-11-23T00:00:00Z")).toISOString().slice(0, 10)).toBe("2026-11-23");
    const now = new Date("2026-11-25T12:00:00Z");
    const series = weeklySeries(
      [
        { helpful: true, reason: null, createdAt: new Date("2026-11-24T01:00:00Z") },
        { helpful: false, reason: "OUTDATED", createdAt: new Date("2026-11-23T00:00:00Z") },
        { helpful: false, reason: "UNCLEAR", createdAt: new Date("2026-11-10T00:00:00Z") },
        { helpful: true, reason: null, createdAt: new Date("2025-01-01T00:00:00Z") }, // outside the range
      ],
      3,
      now,
    );
    expect(series).toEqual([
      { weekStart: "2026-11-09", yes: 0, no: 1, reports: 0 },
      { weekStart: "2026-11-16", yes: 0, no: 0, reports: 0 },
      { weekStart: "2026-11-23", yes: 1, no: 1, reports: 1 },
    ]);
  });
});

async function answers(articleId: string, revisionId: string, yes: number, no: number, reason = "UNCLEAR") {
  const rows = [
    ...Array.from({ length: yes }, () => ({ helpful: true, reason: null })),
    ...Array.from({ length: no }, () => ({ helpful: false, reason })),
  ];
  for (const r of rows) await t.db.feedback.create({ data: { articleId, revisionId, clientHash: "h", ...r } });
}

describe("stats from the database", () => {
  it("computes an article's rate, weekly series and open reports", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writerId });
    await answers(article.id, article.liveRevisionId!, 3, 1, "OUTDATED");
    const stats = await getArticleFeedbackStats(t.db, article.id, { weeks: 4 });
    expect(stats).toMatchObject({ yes: 3, no: 1, total: 4, rate: 0.75, openReports: 1 });
    expect(stats.weeks).toHaveLength(4);
    expect(stats.weeks[3]).toMatchObject({ yes: 3, no: 1, reports: 1 });
  });

  it("ranks the least helpful articles among those with enough answers", async () => {
    const good = await makePublicationHistory(t.db, { authorId: writerId, title: "Good" });
    const bad = await makePublicationHistory(t.db, { authorId: writerId, title: "Bad" });
    const few = await makePublicationHistory(t.db, { authorId: writerId, title: "Few" });
    await answers(good.article.id, good.article.liveRevisionId!, 9, 1);
    await answers(bad.article.id, bad.article.liveRevisionId!, 1, 4);
    await answers(few.article.id, few.article.liveRevisionId!, 0, 1);
    const rows = await listLeastHelpful(t.db, { minAnswers: 3 });
    const titles = rows.map((r) => r.title);
    expect(titles.indexOf("Bad")).toBeLessThan(titles.indexOf("Good"));
    expect(titles).not.toContain("Few");
    expect(rows.find((r) => r.title === "Bad")).toMatchObject({
      yes: 1,
      no: 4,
      rate: 0.2,
      openReports: 4,
      slug: bad.article.slug,
    });
  });
});
