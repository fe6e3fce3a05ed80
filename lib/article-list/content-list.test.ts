// The studio content list against a real (SQLite) database: draft search through the trigger-kept FTS index,
// filters, keyset paging that stays consistent while articles change, visibility, CSV and bulk actions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { doc, makeApproval, makeArticle, makeCredential, makeRevision, makeUser } from "../../tests/helpers/factory";
import type { Actor } from "../auth/policy";
import { contentRowReviewers, listContent, parseContentListQuery } from "./content-list";
import { contentCsv } from "./content-csv";
import { runBulkAction } from "./bulk-actions";
import { draftQuery } from "./draft-search";
import { toFtsQuery } from "./sqlite-draft-search";

const t = createTestDb();
afterAll(() => t.cleanup());
const actor = (u: { id: string; name: string; email: string }, roles: string[]): Actor => ({
  ...u,
  status: "ACTIVE",
  roles,
});

let editor: Actor;
let writer: Actor;
let otherWriter: Actor;
const ids: string[] = [];

beforeAll(async () => {
  editor = actor(await makeUser(t.db, { roles: ["EDITOR"], name: "Ed Editor" }), ["EDITOR"]);
  writer = actor(await makeUser(t.db, { roles: ["WRITER"], name: "Wendy Writer" }), ["WRITER"]);
  otherWriter = actor(await makeUser(t.db, { roles: ["WRITER"], name: "Otto Other" }), ["WRITER"]);
  for (let i = 0; i < 12; i++) {
    const a = await makeArticle(t.db, {
      authorId: i < 10 ? writer.id : otherWriter.id,
      title: `Condition ${String(i).padStart(2, "0")}`,
      body: i === 3 ? "Firm white papules near the elbows." : `Ordinary text number ${i}.`,
    });
    ids.push(a.id);
  }
});

describe("content list", () => {
  it("finds a draft by a word of its body (stemmed), and follows later edits", async () => {
    const found = await listContent(t.db, editor, parseContentListQuery({ q: "papule" }));
    expect(found.rows.map((r) => r.id)).toEqual([ids[3]]);
    await t.db.workingDraft.update({ where: { articleId: ids[5] }, data: { bodyJson: doc("Papules everywhere.") } });
    const again = await listContent(t.db, editor, parseContentListQuery({ q: "papules" }));
    expect(again.rows.map((r) => r.id).sort()).toEqual([ids[3], ids[5]].sort());
    expect((await listContent(t.db, editor, parseContentListQuery({ q: "zzzz" }))).rows).toEqual([]);
    expect(toFtsQuery(draftQuery(`"); DROP TABLE x; --`)!)).toBe(`"drop" AND "table" AND "x"`);
  });

  it("pages by cursor without repeats or gaps, even when an article changes between pages", async () => {
    const q = { sort: "title", limit: "5" };
    const first = await listContent(t.db, editor, parseContentListQuery(q));
    expect(first.rows.map((r) => r.draft?.title)).toEqual(["00", "01", "02", "03", "04"].map((n) => `Condition ${n}`));
    // Someone renames an article already shown: the next page neither repeats it nor skips another.
    await t.db.workingDraft.update({ where: { articleId: ids[0] }, data: { title: "Condition 99" } });
    const second = await listContent(t.db, editor, parseContentListQuery({ ...q, cursor: first.nextCursor! }));
    expect(second.rows.map((r) => r.draft?.title)).toEqual(["05", "06", "07", "08", "09"].map((n) => `Condition ${n}`));
    const third = await listContent(t.db, editor, parseContentListQuery({ ...q, cursor: second.nextCursor! }));
    expect(third.rows.map((r) => r.draft?.title)).toEqual(["Condition 10", "Condition 11", "Condition 99"]);
    expect(third.nextCursor).toBeNull();
  });

  it("writers see only their own articles; filters combine; bad parameters are dropped", async () => {
    const mine = await listContent(t.db, otherWriter, parseContentListQuery({ limit: "50" }));
    expect(mine.rows.map((r) => r.id).sort()).toEqual([ids[10], ids[11]].sort());
    const filtered = await listContent(
      t.db,
      editor,
      parseContentListQuery({ writer: otherWriter.id, state: "DRAFT", live: "no", sort: "bogus", limit: "x" }),
    );
    expect(filtered.rows).toHaveLength(2);
    const overdue = await listContent(t.db, editor, parseContentListQuery({ due: "overdue" }));
    expect(overdue.rows).toEqual([]);
  });

  it("exports the view as CSV with formula cells neutralised", async () => {
    await t.db.workingDraft.update({ where: { articleId: ids[7] }, data: { title: "=HYPERLINK(evil)" } });
    const rows = (await listContent(t.db, editor, parseContentListQuery({ limit: "200" }))).rows;
    const csv = contentCsv(rows);
    expect(csv.split("\r\n")[0]).toContain('"title","condition","state"');
    expect(csv).toContain("'=HYPERLINK(evil)");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("bulk-assigns a reviewer, skipping (with the reason) the article they wrote", async () => {
    const both = await makeUser(t.db, { roles: ["WRITER", "REVIEWER"], name: "Bo Both" });
    await makeCredential(t.db, { userId: both.id });
    const own = await makeArticle(t.db, { authorId: both.id, title: "Own article" });
    const result = await runBulkAction(t.db, editor, {
      bulk: "assign",
      articleIds: [ids[1], ids[2], own.id],
      reviewerId: both.id,
    });
    expect(result.done).toBe(2);
    expect(result.skipped).toEqual([{ articleId: own.id, reason: expect.stringContaining("did not write or edit") }]);
    const byReviewer = await listContent(t.db, editor, parseContentListQuery({ reviewer: both.id }));
    expect(byReviewer.rows.map((r) => r.id).sort()).toEqual([ids[1], ids[2]].sort());
    await expect(
      runBulkAction(t.db, writer, { bulk: "assign", articleIds: [ids[1]], reviewerId: both.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows in the Reviewers column every reviewer the Reviewer filter finds the article by", async () => {
    const decided = await makeUser(t.db, { roles: ["REVIEWER"], name: "Dee Decided" });
    const claimer = await makeUser(t.db, { roles: ["REVIEWER"], name: "Cy Claimer" });
    const waiting = await makeUser(t.db, { roles: ["REVIEWER"], name: "Wai Waiting" });
    const article = await makeArticle(t.db, { authorId: writer.id, title: "Reviewed twice" });
    const revision = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    const dueAt = new Date(Date.now() + 86400_000);
    // Dee was assigned and has decided (the assignment is completed); Cy decided without an assignment; Wai
    // is assigned and has not decided yet.
    await t.db.reviewAssignment.create({
      data: { articleId: article.id, reviewerId: decided.id, dueAt, completedAt: new Date() },
    });
    await t.db.reviewAssignment.create({ data: { articleId: article.id, reviewerId: waiting.id, dueAt } });
    await makeApproval(t.db, { revisionId: revision.id, reviewerId: decided.id });
    await makeApproval(t.db, { revisionId: revision.id, reviewerId: claimer.id });
    for (const reviewer of [decided, claimer, waiting]) {
      const found = await listContent(t.db, editor, parseContentListQuery({ reviewer: reviewer.id }));
      expect(found.rows.map((r) => r.id)).toEqual([article.id]);
      expect(contentRowReviewers(found.rows[0])).toEqual(["Dee Decided", "Wai Waiting", "Cy Claimer"]);
    }
    expect(
      contentCsv((await listContent(t.db, editor, parseContentListQuery({ reviewer: claimer.id }))).rows),
    ).toContain('"Dee Decided; Wai Waiting; Cy Claimer"');
  });

  it("a search matching more drafts than one query can bind still pages in order", async () => {
    const many = Array.from({ length: 950 }, (_, i) => `bulk${String(i).padStart(4, "0")}`);
    await t.db.article.createMany({
      data: many.map((id) => ({ id, slug: `slug-${id}`, createdById: writer.id })),
    });
    await t.db.workingDraft.createMany({
      data: many.map((id, i) => ({
        articleId: id,
        title: `Zeta ${String(949 - i).padStart(4, "0")}`,
        bodyJson: doc("The word quokkafish appears here."),
      })),
    });
    const first = await listContent(
      t.db,
      editor,
      parseContentListQuery({ q: "quokkafish", sort: "title", limit: "40" }),
    );
    expect(first.rows.map((r) => r.draft?.title)).toEqual(
      Array.from({ length: 40 }, (_, i) => `Zeta ${String(i).padStart(4, "0")}`),
    );
    const second = await listContent(
      t.db,
      editor,
      parseContentListQuery({ q: "quokkafish", sort: "title", limit: "40", cursor: first.nextCursor! }),
    );
    expect(second.rows[0].draft?.title).toBe("Zeta 0040");
  });
});
