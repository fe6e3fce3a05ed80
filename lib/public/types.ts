// What the readers' pages get: plain, serialisable values (ISO date strings, no Date or class instances), so
// they can be stored as-is by Next's cache and handed to Server Components.
import type { DisclosureSnapshot } from "../declarations/disclosure-snapshot";

export interface PublicReference {
  /** 1-based, in order of first citation in the body (uncited ones follow), numbered as lib/content/render.ts does. */
  number: number;
  key: string;
  /** How often the body cites it: the list links back to cite-N-1 … cite-N-citedCount. */
  citedCount: number;
  title: string;
  authors: string;
  containerTitle: string;
  year: number | null;
  doi: string | null;
  peerReviewed: boolean;
  /** The main link (URL if http(s), else DOI resolver, else PubMed); null when there is none. */
  href: string | null;
  /**
   * The citation text with its links, escaped: in the article's citation style as formatted when it was
   * published (lib/references/format-references.ts), else from lib/content/render.ts renderReferenceBody.
   */
  html: string;
}

/** The approval the live revision carries, as recorded at sign-off (credential snapshot), never the live credential. */
export interface PublicReview {
  reviewerId: string;
  displayName: string;
  postNominals: string;
  specialty: string;
  reviewedAt: string;
}

export interface PublicPerson {
  id: string;
  name: string;
}

/** The same article in another language, as a link readers can follow (live translations only). */
export interface PublicTranslation {
  locale: string;
  slug: string;
}

export interface PublicArticle {
  articleId: string;
  /** The article's language (Article.locale). */
  locale: string;
  /**
   * Every live version of this article's translation group, this one included, source first: hreflang
   * alternates and the language switcher.
   */
  translations: PublicTranslation[];
  /**
   * Set when this is a translation whose source has a newer live version than the one it was made from, and the
   * site's policy shows it ("The English version was updated on …"): written at publish time.
   */
  sourceUpdated: { sourceLocale: string; updatedAt: string } | null;
  revisionId: string;
  revisionNumber: number;
  slug: string;
  title: string;
  summary: string;
  conditionName: string;
  /** Sanitised HTML rendered once when the revision was frozen (Revision.bodyHtml). */
  bodyHtml: string;
  authors: PublicPerson[];
  review: PublicReview | null;
  firstPublishedAt: string;
  /** When the live revision was published. */
  lastModifiedAt: string;
  references: PublicReference[];
  /** SHA-256 of the live revision's content (lib/content/hash.ts): /verify/<slug> recomputes it. */
  contentHash: string;
  /** Id of the approval the "medically reviewed" claim rests on. */
  approvalId: string | null;
  /** The approving reviewer's credential has expired, or the re-review date has passed. */
  reviewDue: boolean;
  /**
   * What the overdue policy recorded for this page (lib/publishing/apply-overdue-policy.ts): "NOTICE" shows the
   * "due for review" notice, "NOINDEX" also asks search engines not to index it; null when not overdue.
   */
  overdueAction?: "NOTICE" | "NOINDEX" | null;
  /** The body's images as frozen with the revision, for JSON-LD (ImageObject with licence and credit). */
  images?: PublicImage[];
  /** Funding, declarations and lay review as stored at publish time (lib/declarations/disclosure-snapshot.ts). */
  disclosure?: DisclosureSnapshot | null;
}

/** A person's current declaration of interests, as their public profile shows it. */
export interface PublicDeclaration {
  kinds: string[];
  statement: string;
  organisations: string[];
  declaredAt: string;
}

export interface PublicWriterProfile {
  userId: string;
  name: string;
  bio: string;
  articles: Array<{ slug: string; title: string }>;
  declaration: PublicDeclaration | null;
}

export interface PublicImage {
  /** Path of the largest fallback variant (/media/<sha256>.jpg). */
  contentPath: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  licenceUrl: string | null;
  licenceLabel: string;
}

export interface PublicArticleSummary {
  slug: string;
  locale: string;
  title: string;
  summary: string;
  conditionName: string;
  firstPublishedAt: string;
  lastModifiedAt: string;
  reviewerName: string | null;
  reviewerId: string | null;
}

export interface PublicReviewerProfile {
  reviewerId: string;
  displayName: string;
  postNominals: string;
  specialty: string;
  articles: { slug: string; title: string; reviewedAt: string }[];
  /** Their current declaration of interests. */
  declaration?: PublicDeclaration | null;
}
