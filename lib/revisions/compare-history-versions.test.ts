import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { loadEditorState } from "../drafts/load-editor-state";
import { saveDraft } from "../drafts/save-draft";
import { createReference } from "../references/manage-references";
import { referenceInputSchema } from "../references/reference-schema";
import { viaSchema } from "../../tests/helpers/via-schema";
import { compareHistoryVersions } from "./compare-history-versions";
import { saveRevision } from "./save-revision";

const t = createTestDb();
afterAll(() => t.cleanup());

const doc = (text: string) => ({
  type: "doc" as const,
  content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }],
});

describe("compareHistoryVersions", () => {
  it("compares a revision with the working draft: text, and references as formatted entries", async () => {
    const w = await makeUser(t.db, { roles: ["WRITER"] });
    const a = await makeArticle(t.db, { authorId: w.id, body: "Deposits form." });
    const r1 = await saveRevision(t.db, w, { articleId: a.id, changeSummary: "First" });
    await saveDraft(t.db, w, {
      articleId: a.id,
      baseVersion: 1,
      title: "Gout",
      summary: "",
      conditionName: "",
      body: doc("Deposits form in the skin."),
    });
    await viaSchema(
      referenceInputSchema,
      {
        title: "Calcinosis in adults",
        authors: "Smith JA",
        containerTitle: "Skin",
        year: 2019,
        url: "https://one.org",
      },
      (i) => createReference(t.db, w, a.id, i),
    );
    const state = await loadEditorState(t.db, w, a.id);

    const c = await compareHistoryVersions(t.db, state, r1.id, "draft");

    expect(c).not.toBeNull();
    expect([c?.fromLabel, c?.toLabel]).toEqual(["revision 1", "the working draft"]);
    expect(c?.compared.diff.blocks.map((b) => b.kind)).toEqual(["changed"]);
    expect(c?.compared.references).toHaveLength(1);
    const [added] = c?.compared.references ?? [];
    expect(added.kind).toBe("added");
    expect(added.afterHtml).toContain("Calcinosis in adults");
    expect(added.afterHtml).toContain("Smith JA");
    expect(c?.imageChanges).toEqual([]);
  });

  it("is null when a version is not named, does not exist or belongs to another article", async () => {
    const w = await makeUser(t.db, { roles: ["WRITER"] });
    const a = await makeArticle(t.db, { authorId: w.id });
    const b = await makeArticle(t.db, { authorId: w.id });
    const ra = await saveRevision(t.db, w, { articleId: a.id, changeSummary: "A one" });
    const rb = await saveRevision(t.db, w, { articleId: b.id, changeSummary: "B one" });
    const state = await loadEditorState(t.db, w, a.id);

    expect(await compareHistoryVersions(t.db, state, ra.id, "draft")).not.toBeNull();
    expect(await compareHistoryVersions(t.db, state, undefined, "draft")).toBeNull();
    expect(await compareHistoryVersions(t.db, state, "no-such-revision", "draft")).toBeNull();
    expect(await compareHistoryVersions(t.db, state, rb.id, "draft")).toBeNull();
  });
});
