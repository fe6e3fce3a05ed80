import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makePublishedArticle, makeTeam } from "../../tests/helpers/publish-fixtures";
import { makeUser } from "../../tests/helpers/factory";
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
    // No sources cited in this article, and declarations are not kept yet: both missing, with why.
    expect(byId.get("clinical-evidence")).toMatchObject({ ok: false });
    expect(byId.get("clinical-evidence")!.reasons[0].reason).toBe("The live revision cites no sources.");
    expect(byId.get("conflicts-of-interest")!.reasons[0].reason).toMatch(/^Not recorded/);
    const site = report.siteWide.find((c) => c.criterion.id === "conflicts-of-interest")!;
    expect(site.without).toBeGreaterThanOrEqual(1);
    expect(site.topReasons[0].reason).toMatch(/^Not recorded/);

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

  it("is for editors and admins only", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    await expect(buildStandardsReport(t.db, writer, findStandard("pif-tick"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
