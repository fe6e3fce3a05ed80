// The review screen's default comparison: what changed since this reviewer last looked (decided or commented),
// else since the last sign-off, else since the previous revision; and the blocks a comment can anchor to.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { doc, makeArticle, makeCredential, makeUser } from "../../tests/helpers/factory";
import { submitArticle } from "../workflow/submit-article";
import { requestChanges } from "./decide-review";
import { addReviewComment } from "./add-review-comment";
import { loadReviewBaselines, describeBaseline } from "./review-baselines";
import { loadReviewScreen } from "./review-screen";

const t = createTestDb();
afterAll(() => t.cleanup());

async function setBody(articleId: string, bodyJson: string) {
  await t.db.workingDraft.update({ where: { articleId }, data: { bodyJson, version: { increment: 1 } } });
}

/** Revision 1 submitted, changes requested by `reviewer`, revision 2 resubmitted with one sentence added. */
async function resubmitted() {
  const writer = await makeUser(t.db, { roles: ["WRITER"] });
  const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
  const other = await makeUser(t.db, { roles: ["REVIEWER"] });
  for (const r of [reviewer, other]) await makeCredential(t.db, { userId: r.id });
  const article = await makeArticle(t.db, { authorId: writer.id, body: "Calcium deposits in the skin." });
  const first = await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "First draft" });
  const rev1 = await t.db.revision.findUniqueOrThrow({ where: { id: first.revisionId } });
  await requestChanges(t.db, reviewer, {
    articleId: article.id,
    revisionId: rev1.id,
    contentHash: rev1.contentHash,
    summary: "Please say how far the deposits extend.",
  });
  await setBody(article.id, doc("Calcium deposits in the skin. They can reach muscle."));
  const second = await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "Extent" });
  return { writer, reviewer, other, article, rev1, rev2Id: second.revisionId };
}

describe("loadReviewBaselines", () => {
  it("compares a resubmitted revision with the one the reviewer asked changes on, not with nothing", async () => {
    const { reviewer, article, rev1 } = await resubmitted();
    const screen = await loadReviewScreen(t.db, reviewer, article.id);
    if (!screen.revision) throw new Error("the submitted revision is missing");
    expect(screen.baselines.selected).toMatchObject({ id: rev1.id, number: 1 });
    expect(screen.baselines.selected!.reasons).toContain("you-reviewed");
    expect(describeBaseline(screen.baselines.selected!)).toBe(
      "revision 1 (you last reviewed it; the previous revision)",
    );
    const changed = screen.compared!.diff.blocks.filter((b) => b.kind !== "equal");
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ kind: "changed" });
    const inserted = changed[0].kind === "changed" ? changed[0].segments.filter((s) => s.op === "insert") : [];
    expect(inserted.map((s) => s.text.trim())).toEqual(["They can reach muscle."]);
  });

  it("for a reviewer who has not looked yet, falls back to the previous revision", async () => {
    const { other, article } = await resubmitted();
    const b = await loadReviewBaselines(t.db, other, { articleId: article.id, number: 2 });
    expect(b.selected).toMatchObject({ number: 1, reasons: ["previous"] });
  });

  it("counts a comment as a look, and the later look wins", async () => {
    const { reviewer, other, writer, article, rev2Id } = await resubmitted();
    await addReviewComment(t.db, other, {
      articleId: article.id,
      revisionId: rev2Id,
      blockIndex: 0,
      quote: "Calcium",
      body: "Which muscles?",
    });
    const rev2 = await t.db.revision.findUniqueOrThrow({ where: { id: rev2Id } });
    await requestChanges(t.db, other, {
      articleId: article.id,
      revisionId: rev2.id,
      contentHash: rev2.contentHash,
      summary: "Please name the muscles.",
    });
    await setBody(article.id, doc("Calcium deposits in the skin. They can reach the deltoid."));
    await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "Muscles" });

    const forOther = await loadReviewBaselines(t.db, other, { articleId: article.id, number: 3 });
    expect(forOther.selected).toMatchObject({ number: 2 });
    expect(forOther.selected!.reasons).toEqual(expect.arrayContaining(["you-reviewed", "you-commented", "previous"]));
    // The first reviewer last looked at revision 1: that stays their default, revision 2 is one click away.
    const forFirst = await loadReviewBaselines(t.db, reviewer, { articleId: article.id, number: 3 });
    expect(forFirst.selected).toMatchObject({ number: 1 });
    expect(describeBaseline(forFirst.selected!)).toBe("revision 1 (you last reviewed it)");
    expect(forFirst.options.map((o) => o.number)).toEqual([1, 2]);
  });

  it("shows the revision asked for by id, and ignores an id of a later revision or of another article", async () => {
    const { reviewer, article, rev1 } = await resubmitted();
    const elsewhere = await resubmitted();
    const asked = await loadReviewBaselines(t.db, reviewer, { articleId: article.id, number: 2 }, rev1.id);
    expect(asked.selected).toMatchObject({ id: rev1.id });
    const foreign = await loadReviewBaselines(t.db, reviewer, { articleId: article.id, number: 2 }, elsewhere.rev1.id);
    expect(foreign.selected).toMatchObject({ id: rev1.id });
    expect(foreign.selected!.reasons).toContain("you-reviewed");
  });

  it("has nothing to compare on a first revision", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const article = await makeArticle(t.db, { authorId: writer.id });
    await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "First" });
    const screen = await loadReviewScreen(t.db, reviewer, article.id);
    if (!screen.revision) throw new Error("the submitted revision is missing");
    expect(screen.baselines).toEqual({ options: [], selected: null });
    expect(screen.compared).toBeNull();
  });
});

describe("review screen blocks", () => {
  it("offers comments on text and images, never on headings or empty blocks", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const bodyJson = JSON.stringify({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Overview" }] },
        { type: "paragraph", content: [{ type: "text", text: "Calcium deposits." }] },
        { type: "paragraph" },
        { type: "paragraph", content: [{ type: "text", text: "   " }] },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Skin" }] }] }],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "A quote." }] }] },
      ],
    });
    const article = await makeArticle(t.db, { authorId: writer.id, bodyJson });
    await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "First" });
    const screen = await loadReviewScreen(t.db, reviewer, article.id);
    expect(screen.revision?.blocks.map((b) => b.commentOn)).toEqual([null, "paragraph", null, null, "list", "quote"]);
  });
});
