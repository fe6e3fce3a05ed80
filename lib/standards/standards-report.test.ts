import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { approveDraft, makePublishedArticle, makeTeam, setDraft } from "../../tests/helpers/publish-fixtures";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { parseInput } from "../validation";
import { saveDeclaration, saveDeclarationSchema } from "../declarations/save-declaration";
import { updateArticleFunding } from "../declarations/article-funding";
import { inviteLayReviewer } from "../lay-review/invite-lay-reviewer";
import { submitLayReview } from "../lay-review/submit-lay-review";
import { publishArticle } from "../publishing/publish-article";
import { buildStandardsReport } from "./build-standards-report";
import { findStandard, STANDARD_MAPPINGS, standardMappingSchema } from "./standard-mappings";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("standard mappings", () => {
  it("ship the NHS essentials and PIF TICK's ten criteria, each check id known", () => {
    expect(STANDARD_MAPPINGS.map((s) => s.id)).toEqual(["nhs-health-content", "pif-tick"]);
    expect(findStandard("pif-tick").criteria).toHaveLength(10);
  });

  it("refuse a mapping naming an unknown check, by name", () => {
    const bad = { ...findStandard("pif-tick"), criteria: [{ id: "x", title: "X", summary: "x", checks: ["typo"] }] };
    const parsed = standardMappingSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('Unknown evidence check \\"typo\\"');
  });
});

describe("buildStandardsReport", () => {
  it("lists a live article per criterion, with the reason where the evidence is missing", async () => {
    const team = await makeTeam(t.db);
    const published = await makePublishedArticle(t.db, team, { title: "Standards article" });
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    const report = await buildStandardsReport(t.db, editor, findStandard("nhs-health-content"));
    const row = report.articles.find((a) => a.articleId === published.articleId)!;
    expect(row).toBeDefined();
    const byId = new Map(row.criteria.map((c) => [c.criterionId, c]));
    expect(byId.get("process-approval")).toMatchObject({ ok: true });
    expect(byId.get("review-cycle")).toMatchObject({ ok: true });
    // No sources cited in this article, no funding stated and no one declared: missing, with why.
    expect(byId.get("clinical-evidence")).toMatchObject({ ok: false });
    expect(byId.get("clinical-evidence")!.reasons[0].reason).toBe("The live revision cites no sources.");
    expect(byId.get("conflicts-of-interest")!.reasons.map((r) => r.reason)).toEqual([
      "Funding and sponsorship were not stated when the live revision was published.",
      "No declaration of interests in force when published: Wendy Writer, Rita Reviewer.",
    ]);
    const site = report.siteWide.find((c) => c.criterion.id === "conflicts-of-interest")!;
    expect(site.without).toBeGreaterThanOrEqual(1);
    expect(site.topReasons.map((r) => r.reason)).toContain(
      "Funding and sponsorship were not stated when the live revision was published.",
    );
    const pif = await buildStandardsReport(t.db, editor, findStandard("pif-tick"));
    const users = pif.articles
      .find((a) => a.articleId === published.articleId)!
      .criteria.find((c) => c.criterionId === "5-involving-users")!;
    expect(users).toMatchObject({ ok: false });
    expect(users.reasons[0].reason).toBe("No lay review recorded on the live revision's content.");

    // An overdue page loses "review cycle" with the date named.
    await t.db.article.update({
      where: { id: published.articleId },
      data: { reviewDueAt: new Date("2020-01-02T00:00:00Z") },
    });
    const later = await buildStandardsReport(t.db, editor, findStandard("nhs-health-content"));
    const cycle = later.articles
      .find((a) => a.articleId === published.articleId)!
      .criteria.find((c) => c.criterionId === "review-cycle")!;
    expect(cycle.ok).toBe(false);
    expect(cycle.reasons.map((r) => r.reason)).toContain("Overdue since 2020-01-02.");
  });

  it("reads the funding and declarations as published and the lay reviews of the live content", async () => {
    const team = await makeTeam(t.db);
    const article = await makeArticle(t.db, { authorId: team.writer.id, title: "Declared standards" });
    await setDraft(t.db, article.id, { title: "Declared standards", blocks: ["Gout is a kind of arthritis."] });
    for (const person of [team.writer, team.reviewer])
      await saveDeclaration(
        t.db,
        person,
        parseInput(saveDeclarationSchema, { none: true, kinds: [], statement: "", organisations: [] }),
      );
    await updateArticleFunding(t.db, team.writer, { articleId: article.id, none: true, sources: [] });
    const revision = await approveDraft(t.db, team, article.id);
    const invite = await inviteLayReviewer(t.db, team.editor, {
      articleId: article.id,
      revisionId: revision.id,
      email: "reader@example.org",
      message: "",
    });
    await submitLayReview(t.db, invite.token, {
      understandable: "YES",
      missing: "",
      worrying: "",
      readingEase: "EASY",
      livedExperience: "",
      comments: "",
    });
    await publishArticle(t.db, team.editor, { articleId: article.id, revisionId: revision.id });
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    const criterion = async (standard: string, id: string) =>
      (await buildStandardsReport(t.db, editor, findStandard(standard))).articles
        .find((a) => a.articleId === article.id)!
        .criteria.find((c) => c.criterionId === id)!;
    const coi = await criterion("nhs-health-content", "conflicts-of-interest");
    expect(coi.ok).toBe(true);
    expect(coi.reasons.map((r) => r.reason)).toEqual([
      "Funding: None. No external funding or sponsorship.",
      "All 2 people named had a declaration in force; none declared an interest.",
    ]);
    const users = await criterion("pif-tick", "5-involving-users");
    expect(users.ok).toBe(true);
    expect(users.reasons[0].reason).toBe("1 lay review(s) recorded on the live revision's content.");
  });

  it("is for editors and admins only", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    await expect(buildStandardsReport(t.db, writer, findStandard("pif-tick"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
