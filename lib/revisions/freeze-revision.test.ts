import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { contentHash } from "../content/hash";
import { parseReferencesJson } from "../content/reference-snapshot";
import { freezeRevision } from "./freeze-revision";

const t = createTestDb();
afterAll(() => t.cleanup());

const body = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Calcium deposits" },
        { type: "citation", attrs: { refKey: "b" } },
        { type: "citation", attrs: { refKey: "a" } },
      ],
    },
  ],
};

describe("freezeRevision", () => {
  it("freezes draft + references into an immutable revision with hash, html, contributors and an audit event", async () => {
    const writer = await makeUser(t.db);
    const copyEditor = await makeUser(t.db, { roles: ["EDITOR"] });
    const article = await makeArticle(t.db, {
      authorId: writer.id,
      bodyJson: JSON.stringify(body),
      editorIds: [writer.id, copyEditor.id, "deleted-user"],
    });
    await t.db.reference.create({
      data: { articleId: article.id, key: "a", title: "Ref A", position: 0, url: "https://a.org" },
    });
    await t.db.reference.create({
      data: { articleId: article.id, key: "b", title: "Ref B", position: 1, doi: "10.1000/xyz" },
    });

    const rev = await t.db.$transaction((tx) =>
      freezeRevision(tx, { articleId: article.id, actorId: writer.id, changeSummary: " First draft " }),
    );

    expect(rev.number).toBe(1);
    expect(rev.changeSummary).toBe("First draft");
    expect(rev.wordCount).toBe(2);
    expect(rev.bodyHtml).toContain('<a href="#ref-1" id="cite-1-1">1</a>');
    const refs = parseReferencesJson(rev.referencesJson);
    expect(refs.map((r) => r.key)).toEqual(["b", "a"]); // display order = first citation
    expect(rev.contentHash).toBe(
      contentHash({
        title: rev.title,
        summary: rev.summary,
        conditionName: rev.conditionName,
        body: JSON.parse(rev.bodyJson),
        references: refs,
      }),
    );

    const contributors = await t.db.revisionContributor.findMany({ where: { revisionId: rev.id } });
    expect(contributors.map((c) => c.userId).sort()).toEqual([writer.id, copyEditor.id].sort());
    const draft = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(draft.editorIds).toBe("[]");
    expect(draft.version).toBe(1);
    const a = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(a.currentRevisionId).toBe(rev.id);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "revision.frozen", entityId: article.id },
    });
    expect(JSON.parse(event.dataJson)).toMatchObject({ revisionId: rev.id, number: 1, contentHash: rev.contentHash });

    const rev2 = await t.db.$transaction((tx) =>
      freezeRevision(tx, { articleId: article.id, actorId: copyEditor.id, changeSummary: "" }),
    );
    expect(rev2.number).toBe(2);
    expect(rev2.contentHash).toBe(rev.contentHash);
    expect((await t.db.revisionContributor.findMany({ where: { revisionId: rev2.id } })).map((c) => c.userId)).toEqual([
      copyEditor.id,
    ]);
  });

  it("rolls back with the surrounding transaction", async () => {
    const writer = await makeUser(t.db);
    const article = await makeArticle(t.db, { authorId: writer.id });
    await expect(
      t.db.$transaction(async (tx) => {
        await freezeRevision(tx, { articleId: article.id, actorId: writer.id, changeSummary: "x" });
        throw new Error("submit failed");
      }),
    ).rejects.toThrow("submit failed");
    expect(await t.db.revision.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("refuses a draft without a title", async () => {
    const writer = await makeUser(t.db);
    const article = await makeArticle(t.db, { authorId: writer.id, title: "  " });
    await expect(
      t.db.$transaction((tx) => freezeRevision(tx, { articleId: article.id, actorId: writer.id, changeSummary: "" })),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses an article without a draft", async () => {
    const writer = await makeUser(t.db);
    await expect(
      t.db.$transaction((tx) => freezeRevision(tx, { articleId: "nope", actorId: writer.id, changeSummary: "" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
