// The demo seed and the readers' read model against a real migrated SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeCredential, makeUser } from "../helpers/factory";
import { seedDemoArticle } from "../../prisma/demo/seed-demo-article";
import { DEMO_ARTICLE_SLUG, JCM_REVIEW, MEDLINEPLUS } from "../../prisma/demo/calcinosis-cutis";
import { getPublicArticle } from "../../lib/public/get-public-article";
import { listPublishedArticles } from "../../lib/public/list-published-articles";
import { getReviewerProfile } from "../../lib/public/get-reviewer-profile";

const t = createTestDb();
afterAll(() => t.cleanup());

const NOW = new Date("2026-11-20T09:30:00.000Z");
let ids: { writerId: string; reviewerId: string; credentialId: string; editorId: string; adminId: string };

beforeAll(async () => {
  const writer = await makeUser(t.db, { roles: ["WRITER"], name: "Wendy Writer" });
  const reviewer = await makeUser(t.db, { roles: ["REVIEWER"], name: "Rae Reviewer" });
  const editor = await makeUser(t.db, { roles: ["EDITOR"], name: "Ed Editor" });
  const admin = await makeUser(t.db, { roles: ["ADMIN"], name: "Ada Admin" });
  const credential = await makeCredential(t.db, {
    userId: reviewer.id,
    displayName: "Dr. Rae Reviewer",
    postNominals: "M.D., FFARCSI, DA",
    expiresAt: new Date("2030-01-01T00:00:00.000Z"),
    verifiedById: admin.id,
  });
  ids = {
    writerId: writer.id,
    reviewerId: reviewer.id,
    credentialId: credential.id,
    editorId: editor.id,
    adminId: admin.id,
  };
});

describe("seedDemoArticle", () => {
  it("inserts the demo article published, with its paper trail, once", async () => {
    const first = await seedDemoArticle(t.db, { ...ids, now: NOW });
    expect(first).toMatchObject({ created: true, slug: DEMO_ARTICLE_SLUG });
    const again = await seedDemoArticle(t.db, { ...ids, now: NOW });
    expect(again).toEqual({ created: false, slug: DEMO_ARTICLE_SLUG });
    expect(await t.db.article.count()).toBe(1);

    const article = await t.db.article.findUniqueOrThrow({
      where: { slug: DEMO_ARTICLE_SLUG },
      include: {
        liveRevision: { include: { reviews: true, contributors: true, publications: true } },
        references: true,
        draft: true,
      },
    });
    const rev = article.liveRevision!;
    expect(article.status).toBe("PUBLISHED");
    expect(article.currentRevisionId).toBe(rev.id);
    expect(article.firstPublishedAt).toEqual(NOW);
    expect(article.reviewDueAt!.getTime()).toBeGreaterThan(NOW.getTime());
    expect(article.references.map((r) => r.key).sort()).toEqual([JCM_REVIEW, MEDLINEPLUS].sort());
    expect(rev.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rev.bodyHtml).toContain("<h2>What is it?</h2>");
    expect(rev.contributors.map((c) => c.userId)).toEqual([ids.writerId]);
    const [review] = rev.reviews;
    expect(review).toMatchObject({
      decision: "APPROVED",
      reviewerId: ids.reviewerId,
      contentHash: rev.contentHash,
      voidedAt: null,
    });
    expect(JSON.parse(review.credentialSnapshot)).toMatchObject({
      displayName: "Dr. Rae Reviewer",
      postNominals: "M.D., FFARCSI, DA",
      verifiedByName: "Ada Admin",
    });
    expect(rev.publications).toHaveLength(1);

    const actions = (await t.db.auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "article.created",
      "revision.frozen",
      "article.submitted",
      "review.approved",
      "article.published",
    ]);
  });
});

describe("getPublicArticle", () => {
  it("gives readers the recorded facts: reviewer from the snapshot, dates, numbered references", async () => {
    const a = (await getPublicArticle(t.db, DEMO_ARTICLE_SLUG))!;
    expect(a.title).toBe("Calcinosis Cutis: Causes, Symptoms, Treatment, Diagnosis");
    expect(a.conditionName).toBe("Calcinosis cutis");
    expect(a.authors).toEqual([{ id: ids.writerId, name: "Wendy Writer" }]);
    expect(a.review).toEqual({
      reviewerId: ids.reviewerId,
      displayName: "Dr. Rae Reviewer",
      postNominals: "M.D., FFARCSI, DA",
      specialty: "Dermatology",
      reviewedAt: NOW.toISOString(),
    });
    expect(a.firstPublishedAt).toBe(NOW.toISOString());
    expect(a.lastModifiedAt).toBe(NOW.toISOString());
    // MedlinePlus is cited first in the body, so it is [1]; the review is [2].
    expect(a.references.map((r) => [r.number, r.key])).toEqual([
      [1, MEDLINEPLUS],
      [2, JCM_REVIEW],
    ]);
    expect(a.references.every((r) => r.href?.startsWith("https://"))).toBe(true);
    expect(a.bodyHtml).toContain('href="#ref-1" id="cite-1-1"');
    expect(a.bodyHtml).toContain('href="#ref-2"');
  });

  it("keeps showing the credential as it was at sign-off after the live credential changes", async () => {
    await t.db.credential.update({
      where: { id: ids.credentialId },
      data: { displayName: "Someone Else", postNominals: "PhD" },
    });
    const a = (await getPublicArticle(t.db, DEMO_ARTICLE_SLUG))!;
    expect(a.review?.displayName).toBe("Dr. Rae Reviewer");
    expect(a.review?.postNominals).toBe("M.D., FFARCSI, DA");
  });

  it("answers null for unknown or malformed slugs without an error", async () => {
    expect(await getPublicArticle(t.db, "no-such-article")).toBeNull();
    expect(await getPublicArticle(t.db, "_placeholder_")).toBeNull();
    expect(await getPublicArticle(t.db, "../etc/passwd")).toBeNull();
  });
});

describe("lists and profiles", () => {
  it("lists the published article with its reviewer", async () => {
    expect(await listPublishedArticles(t.db)).toEqual([
      expect.objectContaining({
        slug: DEMO_ARTICLE_SLUG,
        reviewerName: "Dr. Rae Reviewer",
        reviewerId: ids.reviewerId,
        lastModifiedAt: NOW.toISOString(),
      }),
    ]);
  });

  it("builds the reviewer's profile from approval snapshots of live articles only", async () => {
    expect(await getReviewerProfile(t.db, ids.reviewerId)).toEqual({
      reviewerId: ids.reviewerId,
      displayName: "Dr. Rae Reviewer",
      postNominals: "M.D., FFARCSI, DA",
      specialty: "Dermatology",
      articles: [
        {
          slug: DEMO_ARTICLE_SLUG,
          title: "Calcinosis Cutis: Causes, Symptoms, Treatment, Diagnosis",
          reviewedAt: NOW.toISOString(),
        },
      ],
      // The demo reviewer has made no declaration of interests: the profile says so.
      declaration: null,
    });
    expect(await getReviewerProfile(t.db, ids.writerId)).toBeNull(); // never approved anything: no public page
    expect(await getReviewerProfile(t.db, "_placeholder_")).toBeNull();
  });
});

describe("what readers stop seeing", () => {
  it("drops the review claim when the approval was voided", async () => {
    const article = await t.db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE_SLUG } });
    await t.db.review.updateMany({
      where: { revisionId: article.liveRevisionId! },
      data: { voidedAt: new Date(), voidReason: "test" },
    });
    expect((await getPublicArticle(t.db, DEMO_ARTICLE_SLUG))!.review).toBeNull();
    expect(await getReviewerProfile(t.db, ids.reviewerId)).toBeNull();
    await t.db.review.updateMany({
      where: { revisionId: article.liveRevisionId! },
      data: { voidedAt: null, voidReason: null },
    });
  });

  it("hides an unpublished article everywhere", async () => {
    const article = await t.db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE_SLUG } });
    await t.db.article.update({ where: { id: article.id }, data: { liveRevisionId: null, status: "UNPUBLISHED" } });
    expect(await getPublicArticle(t.db, DEMO_ARTICLE_SLUG)).toBeNull();
    expect(await listPublishedArticles(t.db)).toEqual([]);
    expect(await getReviewerProfile(t.db, ids.reviewerId)).toBeNull();
  });
});
