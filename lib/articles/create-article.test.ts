import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import { AppError } from "../errors";
import { CONDITION_SECTIONS } from "../content/condition-template";
import { createArticle, createArticleSchema } from "./create-article";
import { slugify } from "./slug";
import { updateSlug, updateSlugSchema } from "./update-slug";
import { viaSchema } from "../../tests/helpers/via-schema";
import { loadArticleAccess } from "./article-access";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("createArticle", () => {
  it("starts from the condition template with the creator as writer and a unique slug", async () => {
    const w = await makeUser(t.db);
    const a1 = await createArticle(t.db, w, {
      title: "Calcinosis Cutis: Causes & Treatment",
      conditionName: "Calcinosis cutis",
    });
    const a2 = await createArticle(t.db, w, { title: "Calcinosis cutis — causes & treatment" });
    expect(a1.slug).toBe("calcinosis-cutis-causes-treatment");
    expect(a2.slug).toBe("calcinosis-cutis-causes-treatment-2");
    const draft = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a1.id } });
    const headings = JSON.parse(draft.bodyJson)
      .content.filter((n: { type: string }) => n.type === "heading")
      .map((n: { content: { text: string }[] }) => n.content[0].text);
    expect(headings).toEqual([...CONDITION_SECTIONS]);
    expect(await t.db.articleAuthor.count({ where: { articleId: a1.id, userId: w.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "article.created", entityId: a1.id } })).toBe(1);
  });

  it("refuses reviewers, short titles and taken slugs", async () => {
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    await expect(createArticle(t.db, reviewer, { title: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const w = await makeUser(t.db);
    await expect(
      viaSchema(createArticleSchema, { title: "x" }, (i) => createArticle(t.db, w, i)),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await createArticle(t.db, w, { title: "Acne", slug: "acne-vulgaris" });
    const e = await createArticle(t.db, w, { title: "Acne 2", slug: "acne-vulgaris" }).catch((x: AppError) => x);
    expect(e).toMatchObject({ code: "CONFLICT", fieldErrors: { slug: [expect.stringMatching(/already used/)] } });
  });

  it("lets writers edit the slug until first publication", async () => {
    const w = await makeUser(t.db);
    const a = await createArticle(t.db, w, { title: "Gout" });
    const rename = (slug: string) =>
      viaSchema(updateSlugSchema, { articleId: a.id, slug }, (i) => updateSlug(t.db, w, i));
    expect((await rename("gout-overview")).slug).toBe("gout-overview");
    await expect(rename("Bad Slug!")).rejects.toMatchObject({ code: "VALIDATION" });
    await t.db.article.update({ where: { id: a.id }, data: { firstPublishedAt: new Date() } });
    await expect(rename("gout-2")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("edit rights: own writers and editors; reviewers read only", async () => {
    const w = await makeUser(t.db);
    const a = await createArticle(t.db, w, { title: "Eczema" });
    const other = await makeUser(t.db);
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    expect((await loadArticleAccess(t.db, w, a.id)).may.edit).toBe(true);
    expect((await loadArticleAccess(t.db, editor, a.id)).may.edit).toBe(true);
    expect((await loadArticleAccess(t.db, other, a.id)).may.edit).toBe(false);
    expect((await loadArticleAccess(t.db, reviewer, a.id)).may.edit).toBe(false);
    expect((await loadArticleAccess(t.db, reviewer, a.id)).may.read).toBe(true);
    expect((await loadArticleAccess(t.db, other, a.id)).may.read).toBe(false);
  });

  it("slugify handles accents, punctuation and very short titles", () => {
    expect(slugify("Ménière's disease")).toBe("menieres-disease");
    expect(slugify("!!")).toBe("article");
  });
});
