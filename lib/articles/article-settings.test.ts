// Citation style and audience per article: the setting is audited, publishing formats the references in the
// style once (stored on the Publication, read by the public page), a live article's list follows a change of
// style at once, and the content checks use the audience's readability target.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeTeam, publishDraft, setDraft } from "../../tests/helpers/publish-fixtures";
import { makeArticle, makeRevision, makeUser } from "../../tests/helpers/factory";
import { referenceInputSchema } from "../references/reference-schema";
import { checkRevisionContent } from "../checks/check-content";
import { getPublicArticle } from "../public/get-public-article";
import { readPublicChange } from "../page-cache/public-change";
import { createReference } from "../references/manage-references";
import { parseInput } from "../validation";
import { articleSettingsSchema, updateArticleSettings } from "./update-article-settings";

const t = createTestDb();
afterAll(() => t.cleanup());

async function articleWithReference(team: Awaited<ReturnType<typeof makeTeam>>) {
  const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Gout" });
  await setDraft(t.db, article.id, { title: "Gout", blocks: ["## What is gout?", "Gout is a kind of arthritis."] });
  await createReference(
    t.db,
    team.writer,
    article.id,
    parseInput(referenceInputSchema, {
      authors: "Dalbeth N, Gosling AL",
      title: "Gout",
      containerTitle: "Lancet",
      year: 2021,
      doi: "10.1016/S0140-6736(21)00569-9",
      pmid: "34245682",
    }),
  );
  return article;
}

describe("article settings", () => {
  it("a writer of the article sets AMA and clinicians; the change is audited; others are refused", async () => {
    const team = await makeTeam(t.db);
    const article = await articleWithReference(team);
    const before = await readPublicChange(t.db);
    const result = await updateArticleSettings(t.db, team.writer, {
      articleId: article.id,
      citationStyle: "ama",
      audience: "professionals",
    });
    expect(result).toEqual({
      citationStyle: "ama",
      audience: "professionals",
      liveReformatted: false,
      readerChange: null,
    });
    expect(await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      citationStyle: "ama",
      audience: "professionals",
    });
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { entityId: article.id, action: "article.settings_changed" },
    });
    expect(JSON.parse(event.dataJson)).toMatchObject({
      citationStyle: "ama",
      audience: "professionals",
      previous: { citationStyle: "vancouver", audience: "patients" },
    });
    expect(await readPublicChange(t.db)).toBe(before); // not live: readers' pages unchanged

    const stranger = await makeUser(t.db, { roles: ["WRITER"], name: "Sam Stranger" });
    await expect(
      updateArticleSettings(
        t.db,
        { ...stranger, status: "ACTIVE", roles: ["WRITER"] },
        {
          articleId: article.id,
          citationStyle: "apa",
          audience: "patients",
        },
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a style that is not offered, field by field", () => {
    expect(() =>
      parseInput(articleSettingsSchema, { articleId: "a1", citationStyle: "harvard", audience: "martians" }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    let error: unknown = null;
    try {
      parseInput(articleSettingsSchema, { articleId: "a1", citationStyle: "harvard", audience: "patients" });
    } catch (err) {
      error = err;
    }
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors.citationStyle).toEqual([
      "Choose Vancouver, AMA or APA.",
    ]);
  });

  it("publishing formats the references in the article's style; a new style re-formats the live page", async () => {
    const team = await makeTeam(t.db);
    const article = await articleWithReference(team);
    await updateArticleSettings(t.db, team.editor, {
      articleId: article.id,
      citationStyle: "ama",
      audience: "patients",
    });
    const published = await publishDraft(t.db, team, article.id);
    const publication = await t.db.publication.findUniqueOrThrow({ where: { id: published.publicationId } });
    expect(publication.citationStyle).toBe("ama");
    const page = await getPublicArticle(t.db, published.slug);
    const ama = page!.references[0].html;
    expect(ama).toMatch(/^Dalbeth N, Gosling AL\. Gout\. <i>Lancet<\/i>\./);
    expect(ama).toContain('doi:<a href="https://doi.org/10.1016/S0140-6736(21)00569-9"');
    expect(ama).toContain("PMID: 34245682");

    const before = await readPublicChange(t.db);
    const changed = await updateArticleSettings(t.db, team.editor, {
      articleId: article.id,
      citationStyle: "apa",
      audience: "patients",
    });
    expect(changed.liveReformatted).toBe(true);
    expect(await readPublicChange(t.db)).toBe(before + 1);
    const apa = (await getPublicArticle(t.db, published.slug))!.references[0].html;
    expect(apa).toMatch(/^Dalbeth, N\., &#38; Gosling, A\. L\. \(2021\)\. Gout\. <i>Lancet<\/i>\./);
  });

  it("the readability target follows the article's audience", async () => {
    const team = await makeTeam(t.db);
    const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Hyperuricaemia" });
    const hard =
      "Hyperuricaemia, consequent upon diminished renal excretion or augmented purine catabolism, predisposes susceptible individuals to monosodium urate crystallisation within articular and periarticular structures, precipitating intermittent inflammatory arthropathy. ";
    await setDraft(t.db, article.id, { title: "Hyperuricaemia", blocks: ["## Overview", hard.repeat(5)] });
    // The stored check run of a frozen revision reads the article's audience.
    const readability = async () => {
      const revision = await makeRevision(t.db, { articleId: article.id, authorId: team.writer.id });
      const run = await checkRevisionContent(t.db, revision.id);
      return (JSON.parse(run.findingsJson) as Array<{ rule: string; message: string }>).filter(
        (f) => f.rule === "readability",
      );
    };
    expect(await readability()).toHaveLength(1);
    await updateArticleSettings(t.db, team.writer, {
      articleId: article.id,
      citationStyle: "vancouver",
      audience: "professionals",
    });
    const forClinicians = await readability();
    // This prose is dense even for clinicians: still flagged, against their target (14), not the public's (8).
    expect(forClinicians).toHaveLength(1);
    expect(forClinicians[0].message).toMatch(/target of 14 for clinicians and health professionals/);
  });
});
