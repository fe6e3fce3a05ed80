// The shape of a readers' message catalogue: every locale's catalogue must have every message.
import type { FeedbackReason } from "../feedback/reasons";
import type { ReaderLocale } from "./locales";

export interface PolicySection {
  id: string;
  heading: string;
  paragraphs: string[];
  /** A list of "term: meaning" items, after the first paragraph(s) given in `paragraphs`. */
  terms?: Array<{ term: string; meaning: string }>;
  /** Paragraphs after the list. */
  after?: string[];
}

export interface ReaderMessages {
  /** The language's own name, as the language switcher lists it ("English", "Español"). */
  languageName: string;
  /** Every language's name as written in this one, in running text ("la versión en inglés"). */
  languageNames: Record<ReaderLocale, string>;
  skipToContent: string;
  nav: {
    siteLabel: string;
    articles: string;
    conditions: string;
    editorialPolicy: string;
    footerLabel: string;
    rss: string;
    sitemap: string;
    staffSignIn: string;
    publishedWith: string;
  };
  footerDisclaimer: string;
  home: { metaTitle: string; heading: string; intro: string; howWeWork: string; articles: string; empty: string };
  search: {
    label: string;
    placeholder: string;
    button: string;
    siteLandmark: string;
    againLandmark: string;
    title: string;
    metaTitle: (query: string) => string;
    emptyPrompt: string;
    browseConditions: string;
    noMatch: string;
    noMatchHelp: string;
    pastLastPage: (total: string, query: string) => string;
    resultsCount: (from: string, to: string, total: string, query: string, one: boolean) => string;
    alsoSearched: string;
    forWord: (word: string) => string;
    alsoKnownAs: string;
    updated: string;
    resultPages: string;
    previous: string;
    next: string;
    pageOf: (page: string, pages: string) => string;
  };
  article: {
    breadcrumb: string;
    writtenBy: string;
    medicallyReviewedBy: string;
    on: string;
    reviewDue: string;
    overdueStrong: string;
    overdueRest: string;
    lastModifiedOn: string;
    firstPublishedOn: string;
    policyLink: string;
    verified: string;
    thisVersion: string;
    details: string;
    contentHash: string;
    approval: string;
    verifyLink: string;
    disclaimerLabel: string;
    disclaimerStrong: string;
    disclaimerRest: string;
    disclaimerPolicyBefore: string;
    disclaimerPolicyLink: string;
    moreArticles: string;
    related: string;
    recent: string;
    references: string;
    backToCitation: (n: number, i: number, count: number) => string;
    languages: string;
    readIn: (language: string) => string;
    sourceUpdated: (language: string, date: string) => string;
    sourceUpdatedHelp: string;
    notFoundTitle: string;
    notFound: string;
    browseAll: string;
  };
  card: { reviewedBy: (name: string) => string; lastModified: string };
  history: {
    heading: string;
    notPublished: string;
    firstPublished: string;
    updated: string;
    reviewedBy: string;
    withdrawn: (date: string) => string;
  };
  feedback: {
    heading: string;
    thanks: string;
    leaveEmpty: string;
    answer: string;
    yes: string;
    no: string;
    whatWasWrong: string;
    reasons: Record<FeedbackReason, string>;
    comment: string;
    commentHint: (max: string) => string;
    email: string;
    consent: string;
    send: string;
  };
  conditions: { title: string; description: string; letters: string; other: string; see: string };
  policy: { title: string; description: string; summary: string; sections: PolicySection[] };
}
