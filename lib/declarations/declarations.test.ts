// Declarations of interest and funding: history kept (a new declaration supersedes), the funder/sponsor match
// holds a reviewer's approval until an editor's written override (audited), a conflict declared on the article
// does the same, and publishing stores funding and declarations for the public page.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeTeam, setDraft } from "../../tests/helpers/publish-fixtures";
import { makeArticle } from "../../tests/helpers/factory";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { submitArticle } from "../workflow/submit-article";
import { approveRevision } from "../review/decide-review";
import { publishArticle } from "../publishing/publish-article";
import { parseInput } from "../validation";
import { normaliseOrganisation, sharedOrganisations } from "./declaration-kinds";
import { saveDeclaration, saveDeclarationSchema } from "./save-declaration";
import {
  currentDeclaration,
  listDeclarationHistory,
  listStaleDeclarations,
  loadDeclarationsInForce,
} from "./load-declarations";
import { articleFundingSchema, describeFunding, updateArticleFunding } from "./article-funding";
import { declareArticleInterest, findApprovalConflict, overrideConflict } from "./approval-conflicts";
import { conflictsSummary, parseDisclosure } from "./disclosure-snapshot";

const t = createTestDb();
afterAll(() => t.cleanup());

const declare = (organisations: string[], kinds: Array<"FINANCIAL" | "PROFESSIONAL" | "PERSONAL"> = ["FINANCIAL"]) =>
  parseInput(saveDeclarationSchema, {
    none: organisations.length === 0 && kinds.length === 0,
    kinds,
    statement: organisations.length ? `Paid advisory work for ${organisations.join(", ")}.` : "",
    organisations,
  });

async function submitted(team: Awaited<ReturnType<typeof makeTeam>>) {
  const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Migraine" });
  await setDraft(t.db, article.id, { title: "Migraine", blocks: ["Migraine is a headache."] });
  const { revisionId } = await submitArticle(t.db, team.writer, { articleId: article.id, changeSummary: "Ready" });
  const revision = await t.db.revision.findUniqueOrThrow({ where: { id: revisionId } });
  return { article, revision };
}

describe("organisation names", () => {
  it("match whatever the case, punctuation and legal form; a different organisation does not", () => {
    expect(normaliseOrganisation("Acme Pharma Ltd.")).toBe(normaliseOrganisation("ACME  pharma"));
    expect(normaliseOrganisation("Smith & Nephew plc")).toBe(normaliseOrganisation("Smith and Nephew"));
    expect(normaliseOrganisation("Hôpital Général")).toBe("hopital general");
    expect(sharedOrganisations(["Acme Pharma Inc", "Bolt"], ["acme pharma"])).toEqual(["Acme Pharma Inc"]);
    expect(sharedOrganisations(["Acme"], ["Acme Pharma"])).toEqual([]);
  });
});

describe("declarations", () => {
  it("a new declaration supersedes the last one, which stays in the history; each is audited", async () => {
    const team = await makeTeam(t.db);
    const { declaration: first, readerChange } = await saveDeclaration(
      t.db,
      team.reviewer,
      declare(["Acme Pharma"]),
      new Date("2025-01-01"),
    );
    expect(readerChange?.tags).toContain(`reviewer:${team.reviewer.id}`);
    const { declaration: second } = await saveDeclaration(t.db, team.reviewer, declare([], []), new Date("2026-01-01"));
    const history = await listDeclarationHistory(t.db, team.reviewer.id, new Date("2026-02-01"));
    expect(history.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(history[1]).toMatchObject({ organisations: ["Acme Pharma"], kinds: ["FINANCIAL"] });
    expect(history[1].supersededAt).toEqual(new Date("2026-01-01"));
    expect(history[0]).toMatchObject({ kinds: [], organisations: [], supersededAt: null });
    expect((await currentDeclaration(t.db, team.reviewer.id, new Date("2025-06-01")))?.id).toBe(first.id);
    const events = await t.db.auditEvent.findMany({
      where: { action: "declaration.saved", entityId: team.reviewer.id },
    });
    expect(events).toHaveLength(2);
  });

  it("a declaration of interests needs kinds and a statement; admins keep none", async () => {
    const err = await catchAppError(
      Promise.resolve().then(() => parseInput(saveDeclarationSchema, { none: false, kinds: [], statement: "x" })),
    );
    expect(err.fieldErrors?.kinds?.[0]).toMatch(/Tick the kinds/);
    expect(err.fieldErrors?.statement?.[0]).toMatch(/at least 10/);
    const admin = { id: "a", name: "Admin", email: "a@x", status: "ACTIVE", roles: ["ADMIN"] };
    expect((await catchAppError(saveDeclaration(t.db, admin, declare([], [])))).code).toBe("FORBIDDEN");
  });

  it("declarations older than 12 months are listed to renew, as are people with none", async () => {
    const team = await makeTeam(t.db);
    await saveDeclaration(t.db, team.reviewer, declare([], []), new Date("2025-01-01"));
    await saveDeclaration(t.db, team.writer, declare([], []), new Date("2025-11-01"));
    const stale = await listStaleDeclarations(t.db, new Date("2026-02-01"));
    const ids = stale.map((s) => s.userId);
    expect(ids).toContain(team.reviewer.id);
    expect(ids).toContain(team.editor.id); // never declared
    expect(ids).not.toContain(team.writer.id);
  });
});

describe("funding and conflicts at approval", () => {
  it("a reviewer with an interest in the sponsor cannot approve until an editor overrides in writing", async () => {
    const team = await makeTeam(t.db);
    await saveDeclaration(t.db, team.reviewer, declare(["Acme Pharma Ltd"]));
    const { article, revision } = await submitted(team);
    await updateArticleFunding(
      t.db,
      team.writer,
      parseInput(articleFundingSchema, {
        articleId: article.id,
        none: false,
        sources: [{ relation: "sponsor", name: "ACME pharma", detail: "educational grant" }],
      }),
    );
    const approve = () =>
      approveRevision(t.db, team.reviewer, {
        articleId: article.id,
        revisionId: revision.id,
        contentHash: revision.contentHash,
        attest: true,
      });
    const refused = await catchAppError(approve());
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/Acme Pharma Ltd.*override/);
    expect(await t.db.review.count({ where: { revisionId: revision.id } })).toBe(0);

    // The reviewer cannot override their own conflict (not an editor); the editor can, with a reason.
    const input = { articleId: article.id, revisionId: revision.id, reviewerId: team.reviewer.id, reason: "" };
    expect((await catchAppError(overrideConflict(t.db, team.reviewer, { ...input, reason: "Because." }))).code).toBe(
      "FORBIDDEN",
    );
    await overrideConflict(t.db, team.editor, {
      ...input,
      reason: "Only specialist available; grant is unrestricted.",
    });
    const override = await t.db.auditEvent.findFirst({
      where: { action: "article.conflict_overridden", entityId: article.id },
    });
    expect(JSON.parse(override!.dataJson)).toMatchObject({
      reviewerId: team.reviewer.id,
      organisations: ["Acme Pharma Ltd"],
      reason: "Only specialist available; grant is unrestricted.",
    });
    await approve();
    const approved = await t.db.auditEvent.findFirst({ where: { action: "review.approved", entityId: article.id } });
    expect(JSON.parse(approved!.dataJson).conflictOverride.byName).toBe(team.editor.name);
    expect((await t.db.auditEvent.findFirst({ where: { action: "article.funding_changed" } }))?.entityId).toBeTruthy();
  });

  it("a conflict declared on the article holds the approval too; the override is for that revision only", async () => {
    const team = await makeTeam(t.db);
    const { article, revision } = await submitted(team);
    await declareArticleInterest(t.db, team.reviewer, {
      articleId: article.id,
      statement: "My sister leads the trial this page cites.",
    });
    const conflict = await findApprovalConflict(t.db, article.id, revision.id, team.reviewer.id);
    expect(conflict).toMatchObject({
      organisations: [],
      articleInterests: ["My sister leads the trial this page cites."],
    });
    const refused = await catchAppError(
      approveRevision(t.db, team.reviewer, {
        articleId: article.id,
        revisionId: revision.id,
        contentHash: revision.contentHash,
        attest: true,
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(await findApprovalConflict(t.db, article.id, "another-revision", team.reviewer.id)).toMatchObject({
      override: null,
    });
  });

  it("publishing stores funding and the declarations in force; the page says see declarations when any", async () => {
    const team = await makeTeam(t.db);
    await saveDeclaration(t.db, team.writer, declare([], []));
    await saveDeclaration(t.db, team.reviewer, declare(["Bolt Devices"], ["PROFESSIONAL"]));
    const { article, revision } = await submitted(team);
    await updateArticleFunding(t.db, team.editor, { articleId: article.id, none: true, sources: [] });
    await approveRevision(t.db, team.reviewer, {
      articleId: article.id,
      revisionId: revision.id,
      contentHash: revision.contentHash,
      attest: true,
    });
    await t.db.plagiarismReport.create({
      data: { revisionId: revision.id, similarity: 1, parametersJson: "{}", matchesJson: "[]" },
    });
    await t.db.contentCheckRun.create({ data: { articleId: article.id, revisionId: revision.id, findingsJson: "[]" } });
    await publishArticle(t.db, team.editor, { articleId: article.id, revisionId: revision.id });
    const publication = await t.db.publication.findFirstOrThrow({ where: { articleId: article.id } });
    const disclosure = parseDisclosure(publication.disclosureJson)!;
    expect(describeFunding(disclosure.funding)).toMatch(/^None/);
    expect(disclosure.people).toEqual([
      expect.objectContaining({ userId: team.writer.id, role: "writer", hasInterests: false, undeclared: false }),
      expect.objectContaining({ userId: team.reviewer.id, role: "reviewer", hasInterests: true }),
    ]);
    expect(conflictsSummary(disclosure)).toBe("see declarations");
    const inForce = await loadDeclarationsInForce(t.db, article.id);
    expect(inForce.find((p) => p.userId === team.reviewer.id)?.declaration?.organisations).toEqual(["Bolt Devices"]);
  });
});
