import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import type { DocumentJson } from "../content/document-schema";
import { saveDraft } from "../drafts/save-draft";
import { createReference } from "../references/manage-references";
import { referenceInputSchema } from "../references/reference-schema";
import { viaSchema } from "../../tests/helpers/via-schema";
import { diffText, diffVersions } from "./diff-revisions";
import { listRevisions } from "./list-revisions";
import { restoreRevision } from "./restore-revision";
import { saveRevision } from "./save-revision";
import { referenceSnapshot } from "../../tests/helpers/reference-snapshot";

const t = createTestDb();
afterAll(() => t.cleanup());

const para = (text: string) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] });
const h2 = (text: string) => ({
  type: "heading" as const,
  attrs: { level: 2 as const },
  content: [{ type: "text" as const, text }],
});
const doc = (...content: DocumentJson["content"]): DocumentJson => ({ type: "doc", content });
const ref = referenceSnapshot;

describe("diffVersions", () => {
  it("marks added, removed and changed blocks with word-level segments, and compares references", () => {
    const before = {
      title: "Gout",
      summary: "",
      conditionName: "",
      body: doc(h2("Causes"), para("Uric acid builds up in joints."), para("Old paragraph.")),
      references: [ref("a"), ref("b", { year: 2020 })],
    };
    const after = {
      title: "Gout explained",
      summary: "",
      conditionName: "",
      body: doc(h2("Causes"), para("Uric acid crystals build up in joints."), h2("Outlook")),
      references: [ref("b", { year: 2021 }), ref("c")],
    };
    const d = diffVersions(before, after);
    expect(d.fields).toMatchObject([{ field: "title", before: "Gout", after: "Gout explained" }]);
    expect(d.blocks.map((b) => b.kind)).toEqual(["equal", "changed", "removed", "added"]);
    const changed = d.blocks[1];
    expect(changed.kind === "changed" && changed.segments.filter((s) => s.op !== "equal")).toEqual([
      { op: "delete", text: "builds" },
      { op: "insert", text: "crystals" },
      { op: "insert", text: "build " },
    ]);
    expect(d.references).toEqual([
      { key: "a", kind: "removed", title: "a", changes: [] },
      { key: "b", kind: "changed", title: "b", changes: [{ field: "year", before: "2020", after: "2021" }] },
      { key: "c", kind: "added", title: "c", changes: [] },
    ]);
    expect(d.stats).toEqual({ added: 1, removed: 1, changed: 1, referencesChanged: 3 });
  });

  it("a 5,000-word block changed in its first and last sentence shows only those two sentences as changed", () => {
    const words = "calcium deposits form in the skin and can reach deeper tissue over many months".split(" ");
    const sentences = Array.from({ length: 500 }, (_, i) => {
      const ten = Array.from({ length: 10 }, (_, k) => words[(i + k) % words.length]).join(" ");
      return ten[0].toUpperCase() + ten.slice(1) + ".";
    });
    const before = sentences.join(" ");
    const after = [
      "Deposits are rare and affect men and women equally.",
      ...sentences.slice(1, -1),
      "Surgery comes last.",
    ].join(" ");
    const para = (text: string): DocumentJson => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    });
    expect(before.split(" ")).toHaveLength(5000);

    const [block] = diffVersions(
      { title: "T", summary: "", conditionName: "", body: para(before), references: [] },
      { title: "T", summary: "", conditionName: "", body: para(after), references: [] },
    ).blocks;

    expect(block.kind).toBe("changed");
    if (block.kind !== "changed") return;
    const changed = block.segments.filter((s) => s.op !== "equal");
    const deleted = changed
      .filter((s) => s.op === "delete")
      .map((s) => s.text)
      .join(" ");
    const inserted = changed
      .filter((s) => s.op === "insert")
      .map((s) => s.text)
      .join(" ");
    // Everything between the first and the last sentence is one unchanged run …
    const middle = sentences.slice(1, -1).join(" ");
    expect(block.segments.some((s) => s.op === "equal" && s.text.includes(middle))).toBe(true);
    // … and the changes come only from those two sentences.
    for (const w of deleted.match(/[\p{L}]+/gu) ?? [])
      expect(`${sentences[0]} ${sentences[499]}`.toLowerCase()).toContain(w.toLowerCase());
    for (const w of inserted.match(/[\p{L}]+/gu) ?? [])
      expect("Deposits are rare and affect men and women equally. Surgery comes last.").toContain(w);
    expect(deleted.length + inserted.length).toBeLessThan(250);
  });

  it("diffText of equal texts is one equal segment", () => {
    expect(diffText("same words", "same words")).toEqual([{ op: "equal", text: "same words" }]);
  });
});

describe("save revision, history and restore", () => {
  it("freezes checkpoints, lists them, and restores an old one (body and references) as the new draft", async () => {
    const w = await makeUser(t.db, { roles: ["WRITER"], name: "Wendy" });
    const a = await makeArticle(t.db, {
      authorId: w.id,
      title: "Gout",
      bodyJson: JSON.stringify(doc(para("First text."))),
    });
    await viaSchema(referenceInputSchema, { title: "Ref one", url: "https://one.org" }, (i) =>
      createReference(t.db, w, a.id, i),
    );
    const r1 = await saveRevision(t.db, w, { articleId: a.id, changeSummary: "First version" });
    await expect(saveRevision(t.db, w, { articleId: a.id, changeSummary: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: /Nothing changed since revision 1/,
    });

    await saveDraft(t.db, w, {
      articleId: a.id,
      baseVersion: 1,
      title: "Gout 2",
      summary: "",
      conditionName: "",
      body: doc(para("Second text.")),
    });
    await viaSchema(referenceInputSchema, { title: "Ref two", url: "https://two.org" }, (i) =>
      createReference(t.db, w, a.id, i),
    );
    await saveRevision(t.db, w, { articleId: a.id, changeSummary: "Second version" });

    const history = await listRevisions(t.db, a.id);
    expect(history.map((h) => [h.number, h.changeSummary, h.author.name, h.isCurrent])).toEqual([
      [2, "Second version", "Wendy", true],
      [1, "First version", "Wendy", false],
    ]);

    const restored = await restoreRevision(t.db, w, { articleId: a.id, revisionId: r1.id });
    expect(restored).toMatchObject({ version: 3, number: 1 });
    const draft = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
    expect(draft.title).toBe("Gout");
    expect(JSON.parse(draft.bodyJson)).toEqual(doc(para("First text.")));
    expect((await t.db.reference.findMany({ where: { articleId: a.id } })).map((r) => r.title)).toEqual(["Ref one"]);
    expect(await t.db.auditEvent.count({ where: { action: "revision.restored", entityId: a.id } })).toBe(1);
  });

  it("refuses restore to readers and a revision of another article", async () => {
    const w = await makeUser(t.db);
    const a = await makeArticle(t.db, { authorId: w.id });
    const b = await makeArticle(t.db, { authorId: w.id });
    const rb = await saveRevision(t.db, w, { articleId: b.id, changeSummary: "B one" });
    await expect(restoreRevision(t.db, w, { articleId: a.id, revisionId: rb.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    await expect(restoreRevision(t.db, reviewer, { articleId: b.id, revisionId: rb.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
