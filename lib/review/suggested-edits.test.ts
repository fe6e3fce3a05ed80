import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { doc, makeArticle, makeRevision, makeUser } from "../../tests/helpers/factory";
import { decideSuggestion, listSuggestions, suggestEdit } from "./suggested-edits";

const t = createTestDb();
afterAll(() => t.cleanup());

async function inReview(text: string) {
  const writer = await makeUser(t.db, { roles: ["WRITER"] });
  const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
  const article = await makeArticle(t.db, { authorId: writer.id, body: text, status: "IN_REVIEW" });
  const revision = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
  await t.db.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
  return { writer, reviewer, article, revision };
}

describe("suggested edits", () => {
  it("a reviewer suggests; the writer accepts once the draft holds the replacement, or rejects; each step is audited", async () => {
    const { writer, reviewer, article, revision } = await inReview("It affects about one in a thousand adults.");
    const base = { articleId: article.id, revisionId: revision.id };
    const one = await suggestEdit(t.db, reviewer, { ...base, original: "about one", replacement: "fewer than one" });
    const two = await suggestEdit(t.db, reviewer, { ...base, original: "adults", replacement: "grown-ups" });

    // Accepting before the replacement is in the stored draft is refused and changes nothing.
    await expect(decideSuggestion(t.db, writer, { suggestionId: one.id, decision: "accept" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await t.db.workingDraft.update({
      where: { articleId: article.id },
      data: { bodyJson: doc("It affects fewer than one in a thousand adults.") },
    });
    await decideSuggestion(t.db, writer, { suggestionId: one.id, decision: "accept" });
    await decideSuggestion(t.db, writer, { suggestionId: two.id, decision: "reject" });
    // Decided once.
    await expect(decideSuggestion(t.db, writer, { suggestionId: two.id, decision: "accept" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const listed = await listSuggestions(t.db, writer, article.id);
    expect(listed.map((s) => [s.original, s.status])).toEqual(
      expect.arrayContaining([
        ["about one", "ACCEPTED"],
        ["adults", "REJECTED"],
      ]),
    );
    const events = await t.db.auditEvent.findMany({
      where: { entityId: article.id, action: { startsWith: "review." } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["review.edit_suggested", reviewer.id],
      ["review.edit_suggested", reviewer.id],
      ["review.suggestion_accepted", writer.id],
      ["review.suggestion_rejected", writer.id],
    ]);
  });

  it("refuses a passage that is not in the revision, a writer suggesting, and a reviewer deciding", async () => {
    const { writer, reviewer, article, revision } = await inReview("Deposits form under the skin.");
    const base = { articleId: article.id, revisionId: revision.id };
    await expect(
      suggestEdit(t.db, reviewer, { ...base, original: "not in the text", replacement: "x" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      suggestEdit(t.db, writer, { ...base, original: "Deposits", replacement: "Nodules" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const s = await suggestEdit(t.db, reviewer, { ...base, original: "Deposits", replacement: "Nodules" });
    await expect(decideSuggestion(t.db, reviewer, { suggestionId: s.id, decision: "reject" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("takes suggestions only on the revision in review", async () => {
    const { reviewer, article, revision } = await inReview("Text in review.");
    await t.db.article.update({ where: { id: article.id }, data: { status: "CHANGES_REQUESTED" } });
    await expect(
      suggestEdit(t.db, reviewer, {
        articleId: article.id,
        revisionId: revision.id,
        original: "Text",
        replacement: "Prose",
      }),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });
});
