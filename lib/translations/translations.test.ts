import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeCredential, makeUser } from "../../tests/helpers/factory";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { makePublishedArticle, makeTeam, publishDraft, setDraft } from "../../tests/helpers/publish-fixtures";
import { submitArticle } from "../workflow/submit-article";
import { approveRevision } from "../review/decide-review";
import { publishArticle } from "../publishing/publish-article";
import { createReference } from "../references/manage-references";
import { parseDocument } from "../content/document-schema";
import { startTranslation } from "./start-translation";
import { bringTranslationUpToDate } from "./bring-up-to-date";
import { markBlockDone } from "./done-blocks";
import { loadTranslationWorkspace } from "./load-translation-workspace";
import type { Db } from "../db/client";

const t = createTestDb();
afterAll(() => t.cleanup());

const SOURCE_BLOCKS = ["## What it is", "Calcium deposits form in the skin.", "## Treatment", "Treat the cause."];

async function spanishReviewer(db: Db) {
  const user = await makeUser(db, { roles: ["REVIEWER"], name: "Dra. Lucía Ortega" });
  await makeCredential(db, { userId: user.id, languages: ["en", "es"] });
  return user;
}

async function translateAndSubmit(team: Awaited<ReturnType<typeof makeTeam>>, sourceId: string) {
  const es = await startTranslation(t.db, team.writer, { sourceArticleId: sourceId, locale: "es" });
  await setDraft(t.db, es.id, {
    title: "Calcinosis cutánea",
    blocks: ["## Qué es", "Se forman depósitos de calcio en la piel.", "## Tratamiento", "Tratar la causa."],
  });
  const submitted = await submitArticle(t.db, team.writer, { articleId: es.id, changeSummary: "Traducción" });
  const revision = await t.db.revision.findUniqueOrThrow({ where: { id: submitted.revisionId } });
  return { es, revision };
}

async function cleanChecks(articleId: string, revisionId: string) {
  await t.db.plagiarismReport.create({ data: { revisionId, similarity: 1, parametersJson: "{}", matchesJson: "[]" } });
  await t.db.contentCheckRun.create({ data: { articleId, revisionId, findingsJson: "[]" } });
}

describe("translations", () => {
  it("starts from the live source (copy of its blocks and references, base recorded), approved only in Spanish", async () => {
    const team = await makeTeam(t.db);
    const source = await makePublishedArticle(t.db, team, { title: "Calcinosis cutis", blocks: SOURCE_BLOCKS });
    const live = await t.db.revision.findUniqueOrThrow({ where: { id: source.revisionId } });

    const { es, revision } = await translateAndSubmit(team, source.articleId);
    expect(es.locale).toBe("es");
    expect(es.translationOfId).toBe(source.articleId);
    expect(es.translationBaseRevisionId).toBe(live.id);
    expect(es.translationBaseHash).toBe(live.contentHash);
    expect(revision.sourceRevisionId).toBe(live.id);
    expect(revision.sourceContentHash).toBe(live.contentHash);
    // A second Spanish translation of the same article is refused, so is a translation of a translation.
    expect(
      (await catchAppError(startTranslation(t.db, team.writer, { sourceArticleId: source.articleId, locale: "es" })))
        .code,
    ).toBe("CONFLICT");

    // The team's reviewer reviews in English only: refused in plain words.
    const refused = await catchAppError(
      approveRevision(t.db, team.reviewer, {
        articleId: es.id,
        revisionId: revision.id,
        contentHash: revision.contentHash,
        attest: true,
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("This article is in Spanish");
    expect(refused.message).toContain("does not list Spanish");

    const lucia = await spanishReviewer(t.db);
    await approveRevision(t.db, lucia, {
      articleId: es.id,
      revisionId: revision.id,
      contentHash: revision.contentHash,
      attest: true,
    });
    await cleanChecks(es.id, revision.id);
    await publishArticle(t.db, team.editor, { articleId: es.id, revisionId: revision.id });
    const published = await t.db.article.findUniqueOrThrow({ where: { id: es.id } });
    expect(published.liveRevisionId).toBe(revision.id);
    expect(published.liveSourceUpdatedAt).toBeNull();
  });

  it("a new source revision marks the translation; the studio lists exactly the changed blocks; re-approval clears", async () => {
    const team = await makeTeam(t.db);
    const source = await makePublishedArticle(t.db, team, { title: "Calcinosis cutis", blocks: SOURCE_BLOCKS });
    const { es, revision } = await translateAndSubmit(team, source.articleId);
    const lucia = await spanishReviewer(t.db);
    await approveRevision(t.db, lucia, {
      articleId: es.id,
      revisionId: revision.id,
      contentHash: revision.contentHash,
      attest: true,
    });
    await cleanChecks(es.id, revision.id);
    await publishArticle(t.db, team.editor, { articleId: es.id, revisionId: revision.id });
    await markBlockDone(t.db, team.writer, { articleId: es.id, blockIndex: 1, done: true });
    await markBlockDone(t.db, team.writer, { articleId: es.id, blockIndex: 3, done: true });

    // The source's second edition changes one paragraph.
    await setDraft(t.db, source.articleId, {
      title: "Calcinosis cutis",
      blocks: [SOURCE_BLOCKS[0], SOURCE_BLOCKS[1], SOURCE_BLOCKS[2], "Treat the underlying cause first."],
    });
    const second = await publishDraft(t.db, team, source.articleId);
    const marked = await t.db.article.findUniqueOrThrow({ where: { id: es.id } });
    expect(marked.sourceChangedAt).toEqual(second.publishedAt);
    expect(marked.liveSourceUpdatedAt).toEqual(second.publishedAt);

    const workspace = await loadTranslationWorkspace(t.db, team.writer, es.id);
    expect(workspace.sourceChanged).not.toBeNull();
    const changed = workspace.sourceChanged!.compared.diff.blocks.filter((b) => b.kind !== "equal");
    expect(changed).toEqual([{ kind: "changed", blockType: "paragraph", segments: expect.any(Array) as unknown }]);
    expect(workspace.rows[3].changedInSource).toBe(true);
    expect(workspace.rows.filter((r) => r.changedInSource)).toHaveLength(1);

    // Refused while another version went live in between; then brought up to date: the changed block is to do again.
    expect(
      (
        await catchAppError(
          bringTranslationUpToDate(t.db, team.writer, { articleId: es.id, sourceRevisionId: source.revisionId }),
        )
      ).code,
    ).toBe("CONFLICT");
    await setDraft(t.db, es.id, {
      title: "Calcinosis cutánea",
      blocks: ["## Qué es", "Se forman depósitos de calcio en la piel.", "## Tratamiento", "Tratar primero la causa."],
    });
    await bringTranslationUpToDate(t.db, team.writer, { articleId: es.id, sourceRevisionId: second.revisionId });
    const upToDate = await t.db.article.findUniqueOrThrow({ where: { id: es.id }, include: { draft: true } });
    expect(upToDate.sourceChangedAt).toBeNull();
    expect(upToDate.translationBaseRevisionId).toBe(second.revisionId);
    expect(JSON.parse(upToDate.draft!.doneBlocksJson)).toEqual([1]);
    // The page keeps its notice until the re-approved translation is live.
    expect(upToDate.liveSourceUpdatedAt).toEqual(second.publishedAt);

    const resubmitted = await submitArticle(t.db, team.writer, { articleId: es.id, changeSummary: "Al día" });
    const rev2 = await t.db.revision.findUniqueOrThrow({ where: { id: resubmitted.revisionId } });
    expect(rev2.sourceRevisionId).toBe(second.revisionId);
    await approveRevision(t.db, lucia, {
      articleId: es.id,
      revisionId: rev2.id,
      contentHash: rev2.contentHash,
      attest: true,
      evidenceChecked: true, // the translation is live: a re-review
    });
    await cleanChecks(es.id, rev2.id);
    await publishArticle(t.db, team.editor, { articleId: es.id, revisionId: rev2.id });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: es.id } })).liveSourceUpdatedAt).toBeNull();
  });

  it("keeps the source's references: same keys and titles, not editable in the translation", async () => {
    const team = await makeTeam(t.db);
    const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Gout" });
    const cited = JSON.stringify({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Uric acid." },
            { type: "citation", attrs: { refKey: "dalbeth2016" } },
          ],
        },
      ],
    });
    await t.db.workingDraft.update({ where: { articleId: article.id }, data: { title: "Gout", bodyJson: cited } });
    await t.db.reference.create({
      data: {
        articleId: article.id,
        key: "dalbeth2016",
        title: "Gout",
        authors: "Dalbeth N",
        year: 2016,
        pmid: "26850119",
      },
    });
    const published = await publishDraft(t.db, team, article.id);
    const source = { ...published, articleId: article.id };
    const es = await startTranslation(t.db, team.writer, { sourceArticleId: source.articleId, locale: "es" });
    const sourceRefs = await t.db.reference.findMany({ where: { articleId: source.articleId } });
    const copies = await t.db.reference.findMany({ where: { articleId: es.id } });
    expect(copies.map((r) => [r.key, r.title])).toEqual([["dalbeth2016", "Gout"]]);
    expect(sourceRefs.map((r) => [r.key, r.title])).toEqual([["dalbeth2016", "Gout"]]);
    const refused = await catchAppError(
      createReference(t.db, team.writer, es.id, { title: "Otra fuente", authors: "", containerTitle: "" } as never),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("English article's references");
    // The body started as a copy of the source's live blocks.
    const draft = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: es.id } });
    expect(parseDocument(draft.bodyJson)).toEqual(parseDocument(cited));
  });

  it("only a live source article in an enabled other language can be translated", async () => {
    const team = await makeTeam(t.db);
    const source = await makePublishedArticle(t.db, team, { title: "Eczema", blocks: ["Itchy skin."] });
    const notLive = await t.db.article.create({
      data: { slug: `draft-${Date.now()}`, createdById: team.writer.id },
    });
    expect(
      (await catchAppError(startTranslation(t.db, team.writer, { sourceArticleId: notLive.id, locale: "es" }))).message,
    ).toContain("Only a live article can be translated");
    expect(
      (await catchAppError(startTranslation(t.db, team.writer, { sourceArticleId: source.articleId, locale: "en" })))
        .code,
    ).toBe("VALIDATION");
    expect(
      (await catchAppError(startTranslation(t.db, team.writer, { sourceArticleId: source.articleId, locale: "fr" })))
        .code,
    ).toBe("VALIDATION");
    const reviewerOnly = await makeUser(t.db, { roles: ["REVIEWER"] });
    expect(
      (await catchAppError(startTranslation(t.db, reviewerOnly, { sourceArticleId: source.articleId, locale: "es" })))
        .code,
    ).toBe("FORBIDDEN");
  });
});
