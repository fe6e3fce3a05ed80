import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { MAX_BODY_BYTES } from "../content/document-schema";
import { saveDraft } from "./save-draft";

const t = createTestDb();
afterAll(() => t.cleanup());

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function setup(status = "DRAFT") {
  const writerUser = await makeUser(t.db, { roles: ["WRITER"], name: "Wendy Writer" });
  const article = await makeArticle(t.db, { authorId: writerUser.id, status });
  return { writer: writerUser, article };
}

describe("saveDraft", () => {
  it("saves, bumps the version and records the editor", async () => {
    const { writer, article } = await setup();
    const r = await saveDraft(t.db, writer, {
      articleId: article.id,
      baseVersion: 1,
      title: "New",
      summary: "S",
      conditionName: "C",
      body: doc("typed"),
    });
    expect(r).toMatchObject({ version: 2, changed: true, voided: null });
    const d = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(d.title).toBe("New");
    expect(JSON.parse(d.bodyJson)).toEqual(doc("typed"));
    expect(JSON.parse(d.editorIds)).toEqual([writer.id]);
  });

  it("accepts an unchanged save without a new version", async () => {
    const { writer, article } = await setup();
    const input = {
      articleId: article.id,
      baseVersion: 1,
      title: "New",
      summary: "",
      conditionName: "",
      body: doc("x"),
    };
    await saveDraft(t.db, writer, input);
    const again = await saveDraft(t.db, writer, { ...input, baseVersion: 2 });
    expect(again).toMatchObject({ version: 2, changed: false });
  });

  it("refuses a stale save with CONFLICT and the current server copy, leaving the draft as the other save left it", async () => {
    const { writer, article } = await setup();
    const other = await makeUser(t.db, { roles: ["EDITOR"], name: "Eddie Editor" });
    await saveDraft(t.db, other, {
      articleId: article.id,
      baseVersion: 1,
      title: "Theirs",
      summary: "",
      conditionName: "",
      body: doc("their text"),
    });
    const e = await catchAppError(
      saveDraft(t.db, writer, {
        articleId: article.id,
        baseVersion: 1,
        title: "Mine",
        summary: "",
        conditionName: "",
        body: doc("my text"),
      }),
    );
    expect(e.code).toBe("CONFLICT");
    expect(e.details?.current).toMatchObject({
      version: 2,
      title: "Theirs",
      bodyJson: doc("their text"),
      lastEditorName: "Eddie Editor",
    });
    const d = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(d.title).toBe("Theirs");
  });

  it("refuses forged bodies (unknown nodes, script URLs, > 2 MB) and leaves the stored draft untouched", async () => {
    const { writer, article } = await setup();
    const before = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    const base = { articleId: article.id, baseVersion: 1, title: "t", summary: "", conditionName: "" };
    const unknown = await catchAppError(
      saveDraft(t.db, writer, { ...base, body: { type: "doc", content: [{ type: "script", content: [] }] } }),
    );
    expect(unknown).toMatchObject({ code: "VALIDATION" });
    expect(unknown.message).toContain('"script"');
    const js = await catchAppError(
      saveDraft(t.db, writer, {
        ...base,
        body: {
          type: "doc",
          content: [
            {
              type: "paragraph",
              content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
            },
          ],
        },
      }),
    );
    expect(js.code).toBe("VALIDATION");
    const big = await catchAppError(saveDraft(t.db, writer, { ...base, body: doc("a".repeat(MAX_BODY_BYTES + 10)) }));
    expect(big.code).toBe("PAYLOAD_TOO_LARGE");
    expect(big.httpStatus).toBe(413);
    const after = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(after).toEqual(before);
  });

  it("lets only the article's writers and editors save; reviewers and other writers are refused", async () => {
    const { article } = await setup();
    const input = { articleId: article.id, baseVersion: 1, title: "x", summary: "", conditionName: "", body: doc("x") };
    const otherWriter = await makeUser(t.db, { roles: ["WRITER"] });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    expect((await catchAppError(saveDraft(t.db, otherWriter, input))).code).toBe("FORBIDDEN");
    expect((await catchAppError(saveDraft(t.db, reviewer, input))).code).toBe("FORBIDDEN");
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    expect((await saveDraft(t.db, editor, input)).changed).toBe(true);
  });

  it("voids an approval when the content of an approved article changes", async () => {
    const { writer, article } = await setup("APPROVED");
    const r = await saveDraft(t.db, writer, {
      articleId: article.id,
      baseVersion: 1,
      title: "Edited",
      summary: "",
      conditionName: "",
      body: doc("edited"),
    });
    expect(r.voided).toBe("approval");
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
  });
});
