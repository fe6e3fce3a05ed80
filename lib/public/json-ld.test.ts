import { describe, expect, it } from "vitest";
import { buildArticleJsonLd, serializeJsonLd } from "./json-ld";
import type { PublicArticle } from "./types";

const article: PublicArticle = {
  articleId: "a1",
  locale: "en",
  translations: [],
  sourceUpdated: null,
  revisionId: "r1",
  revisionNumber: 1,
  slug: "calcinosis-cutis",
  title: "Calcinosis </script><script>alert(1)</script>",
  summary: "Deposits & more",
  conditionName: "Calcinosis cutis",
  bodyHtml: "<p>x</p>",
  authors: [{ id: "w1", name: "Wendy Writer" }],
  review: {
    reviewerId: "rv1",
    displayName: "Dr. Rae Reviewer",
    postNominals: "M.D., FFARCSI, DA",
    specialty: "Dermatology",
    reviewedAt: "2026-11-20T10:00:00.000Z",
  },
  firstPublishedAt: "2026-11-21T10:00:00.000Z",
  lastModifiedAt: "2026-11-22T10:00:00.000Z",
  contentHash: "ab".repeat(32),
  approvalId: "rev-approval-1",
  reviewDue: false,
  references: [
    {
      number: 1,
      key: "a",
      citedCount: 1,
      authors: "",
      title: "Calcinosis",
      containerTitle: "MedlinePlus",
      year: null,
      doi: null,
      peerReviewed: false,
      href: "https://medlineplus.gov/x",
      html: "",
    },
    {
      number: 2,
      key: "b",
      citedCount: 1,
      authors: "Doe J",
      title: "Review",
      containerTitle: "J Clin Med",
      year: 2021,
      doi: "10.3390/jcm1",
      peerReviewed: true,
      href: "https://doi.org/10.3390/jcm1",
      html: "",
    },
  ],
};

describe("buildArticleJsonLd", () => {
  it("describes a MedicalWebPage about the condition, reviewed by the snapshot's reviewer, with citations", () => {
    const ld = buildArticleJsonLd(article, "https://health.example");
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "MedicalWebPage",
      url: "https://health.example/articles/calcinosis-cutis",
      about: { "@type": "MedicalCondition", name: "Calcinosis cutis" },
      lastReviewed: "2026-11-20",
      dateModified: "2026-11-22T10:00:00.000Z",
      datePublished: "2026-11-21T10:00:00.000Z",
      reviewedBy: {
        "@type": "Person",
        name: "Dr. Rae Reviewer",
        honorificSuffix: "M.D., FFARCSI, DA",
        url: "https://health.example/reviewers/rv1",
      },
    });
    expect(ld.citation).toEqual([
      { "@type": "CreativeWork", name: "Calcinosis", url: "https://medlineplus.gov/x", isPartOf: "MedlinePlus" },
      {
        "@type": "ScholarlyArticle",
        name: "Review",
        url: "https://doi.org/10.3390/jcm1",
        author: "Doe J",
        isPartOf: "J Clin Med",
        datePublished: "2021",
        sameAs: "https://doi.org/10.3390/jcm1",
      },
    ]);
  });

  it("carries the content hash and the approval id, and points at /verify/<slug>", () => {
    const ld = buildArticleJsonLd(article, "https://example.org") as Record<string, unknown>;
    expect(ld.identifier).toEqual([
      { "@type": "PropertyValue", propertyID: "sha256-content-hash", value: "ab".repeat(32) },
      { "@type": "PropertyValue", propertyID: "approval-id", value: "rev-approval-1" },
    ]);
    expect(ld.subjectOf).toMatchObject({ url: "https://example.org/verify/calcinosis-cutis" });
  });

  it("makes no review claim when the live revision has no readable approval snapshot", () => {
    const ld = buildArticleJsonLd({ ...article, review: null }, "https://health.example");
    expect(ld).not.toHaveProperty("reviewedBy");
    expect(ld).not.toHaveProperty("lastReviewed");
  });
});

describe("serializeJsonLd", () => {
  it("cannot close the script element or open a comment, and still parses to the same value", () => {
    const ld = buildArticleJsonLd(article, "https://health.example");
    const out = serializeJsonLd(ld);
    expect(out).not.toMatch(/[<>&]/);
    expect(out).not.toContain("</script");
    expect(JSON.parse(out)).toEqual(ld);
  });

  it("escapes line and paragraph separators", () => {
    const out = serializeJsonLd({ s: "a\u2028b\u2029c" });
    expect(out).toBe('{"s":"a\\u2028b\\u2029c"}');
    expect(JSON.parse(out)).toEqual({ s: "a\u2028b\u2029c" });
  });
});
