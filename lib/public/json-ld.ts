// JSON-LD for the article page: schema.org MedicalWebPage about a MedicalCondition, with the reviewer, the
// review date and the cited sources, all taken from the recorded data the page itself shows.
import { isoDay } from "./format-date";
import type { PublicArticle } from "./types";
import { articlePath, reviewerPath, SITE_NAME } from "./site";

export function buildArticleJsonLd(article: PublicArticle, origin: string): Record<string, unknown> {
  const url = origin + articlePath(article.slug, article.locale);
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    "@id": url,
    url,
    name: article.title,
    headline: article.title,
    description: article.summary,
    inLanguage: article.locale,
    datePublished: article.firstPublishedAt,
    dateModified: article.lastModifiedAt,
    about: { "@type": "MedicalCondition", name: article.conditionName || article.title },
    author: article.authors.map((a) => ({ "@type": "Person", name: a.name })),
    publisher: { "@type": "Organization", name: SITE_NAME, url: origin },
    citation: article.references.map((r) => {
      const work: Record<string, unknown> = {
        "@type": r.peerReviewed ? "ScholarlyArticle" : "CreativeWork",
        name: r.title,
      };
      if (r.href) work.url = r.href;
      if (r.authors) work.author = r.authors;
      if (r.containerTitle) work.isPartOf = r.containerTitle;
      if (r.year) work.datePublished = String(r.year);
      if (r.doi) work.sameAs = `https://doi.org/${r.doi}`;
      return work;
    }),
  };
  // What /verify/<slug> checks: the content hash of exactly this version and the approval it rests on.
  ld.identifier = [
    { "@type": "PropertyValue", propertyID: "sha256-content-hash", value: article.contentHash },
    ...(article.approvalId ? [{ "@type": "PropertyValue", propertyID: "approval-id", value: article.approvalId }] : []),
  ];
  ld.subjectOf = { "@type": "WebPage", name: "Verify this article", url: origin + `/verify/${article.slug}` };
  if (article.images?.length) {
    ld.image = article.images.map((i) => ({
      "@type": "ImageObject",
      contentUrl: origin + i.contentPath,
      url: origin + i.contentPath,
      width: i.width,
      height: i.height,
      description: i.alt,
      ...(i.caption ? { caption: i.caption } : {}),
      ...(i.credit ? { creditText: i.credit } : {}),
      ...(i.licenceUrl ? { license: i.licenceUrl } : {}),
      ...(i.licenceLabel ? { copyrightNotice: i.licenceLabel } : {}),
    }));
  }
  // schema.org: funder and sponsor are properties of CreativeWork (a MedicalWebPage is one), each an Organization.
  const funding = article.disclosure?.funding;
  if (funding && !funding.none) {
    const orgs = (relation: "funder" | "sponsor") =>
      funding.sources
        .filter((s) => s.relation === relation)
        .map((s) => ({ "@type": "Organization", name: s.name, ...(s.detail ? { description: s.detail } : {}) }));
    if (orgs("funder").length) ld.funder = orgs("funder");
    if (orgs("sponsor").length) ld.sponsor = orgs("sponsor");
  }
  if (article.review) {
    ld.lastReviewed = isoDay(article.review.reviewedAt);
    ld.reviewedBy = {
      "@type": "Person",
      name: article.review.displayName,
      ...(article.review.postNominals ? { honorificSuffix: article.review.postNominals } : {}),
      ...(article.review.specialty ? { knowsAbout: article.review.specialty } : {}),
      url: origin + reviewerPath(article.review.reviewerId),
    };
  }
  return ld;
}

/**
 * JSON for an inline <script type="application/ld+json">: `<`, `>` and `&` become \u escapes so no value (a
 * title containing "</script>", say) can close the element or open a comment; U+2028/2029 are escaped for old
 * parsers. The result is still valid JSON that parses to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
