import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeRevision, makeUser } from "../../tests/helpers/factory";
import { reviewDueLists } from "./review-due";
import { addMonths } from "./add-months";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("review due lists", () => {
  it("lists live articles overdue and due within the window, not drafts", async () => {
    const w = await makeUser(t.db, { roles: ["WRITER"] });
    const now = new Date("2026-06-15T12:00:00Z");
    const mk = async (due: Date, live = true) => {
      const a = await makeArticle(t.db, { authorId: w.id, status: "PUBLISHED" });
      const r = await makeRevision(t.db, { articleId: a.id, authorId: w.id });
      await t.db.article.update({
        where: { id: a.id },
        data: { reviewDueAt: due, liveRevisionId: live ? r.id : null },
      });
      return a.id;
    };
    const overdue = await mk(new Date("2026-06-01T00:00:00Z"));
    const soon = await mk(new Date("2026-07-01T00:00:00Z"));
    await mk(new Date("2026-12-01T00:00:00Z"));
    await mk(new Date("2026-05-01T00:00:00Z"), false);
    const lists = await reviewDueLists(t.db, now);
    expect(lists.overdue.map((a) => a.id)).toEqual([overdue]);
    expect(lists.dueSoon.map((a) => a.id)).toEqual([soon]);
  });

  it("addMonths clamps to the end of shorter months", () => {
    expect(addMonths(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2026-03-15T00:00:00Z"), 12).toISOString()).toBe("2027-03-15T00:00:00.000Z");
  });
});
