// The readers' chrome in English (the site's original wording: English pages read as they always did).
import { SITE_NAME } from "../public/site";
import type { ReaderMessages } from "./reader-messages";

export const EN: ReaderMessages = {
  languageName: "English",
  languageNames: { en: "English", es: "Spanish" },
  skipToContent: "Skip to content",
  nav: {
    siteLabel: "Site",
    articles: "Articles",
    conditions: "Conditions A–Z",
    editorialPolicy: "Editorial policy",
    footerLabel: "Footer",
    rss: "RSS feed",
    sitemap: "Sitemap",
    staffSignIn: "Staff sign-in",
    publishedWith: "Published with Imprimatur.",
  },
  footerDisclaimer:
    "Our articles do not provide medical advice. They are for general information and do not replace a consultation with a qualified health professional. In an emergency, call your local emergency number.",
  home: {
    metaTitle: `${SITE_NAME}: medically reviewed health articles`,
    heading: "Health information you can check",
    intro:
      "Every article is written by our writers, checked by a medical reviewer whose credentials we have verified, and linked to its sources.",
    howWeWork: "How we work",
    articles: "Articles",
    empty: "No articles have been published yet. Please come back soon.",
  },
  search: {
    label: "Search articles",
    placeholder: "Search articles",
    button: "Search",
    siteLandmark: "Site",
    againLandmark: "Search again",
    title: "Search",
    metaTitle: (query) => `Search: ${query}`,
    emptyPrompt: "Type a condition, a symptom or a treatment. You can also browse the",
    browseConditions: "conditions from A to Z",
    noMatch: "No published article matches",
    noMatchHelp: "Check the spelling, use fewer words, or browse the",
    pastLastPage: (total, query) =>
      `${total} result${total === "1" ? "" : "s"} for “${query}”: this page is past the last one.`,
    resultsCount: (from, to, total, query, one) =>
      `${one ? "1 result" : `Results ${from}–${to} of ${total}`} for “${query}”`,
    alsoSearched: "Also searched for",
    forWord: (word) => `(for “${word}”)`,
    alsoKnownAs: "Also known as:",
    updated: "Updated",
    resultPages: "Result pages",
    previous: "← Previous",
    next: "Next →",
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
  },
  article: {
    breadcrumb: "Breadcrumb",
    writtenBy: "Written by",
    medicallyReviewedBy: "Medically reviewed by",
    on: "on",
    reviewDue: "(review due: a new medical review is pending)",
    overdueStrong: "This page is due for review.",
    overdueRest:
      "Its planned medical review date has passed; it may not reflect the latest evidence while we check it.",
    lastModifiedOn: "Last modified on",
    firstPublishedOn: "First published on",
    policyLink: "How we write, review and update articles",
    verified: "Verified",
    thisVersion: "This version",
    details: "details",
    contentHash: "Content SHA-256",
    approval: "approval",
    verifyLink: "Verify this version",
    disclaimerLabel: "Medical disclaimer",
    disclaimerStrong: "This article does not provide medical advice.",
    disclaimerRest:
      "It is for general information only and does not replace a consultation with a doctor or another qualified health professional, who can take your own situation into account. If you think you may have a medical emergency, call your local emergency number at once.",
    disclaimerPolicyBefore: "Learn how our articles are written, medically reviewed and kept up to date in our",
    disclaimerPolicyLink: "editorial policy",
    moreArticles: "More articles",
    related: "Related articles",
    recent: "Recent articles",
    references: "References",
    backToCitation: (n, i, count) => ` Back to citation ${n}${count > 1 ? ` (${i} of ${count})` : ""} in the text`,
    languages: "Other languages",
    readIn: (language) => `Read in ${language}`,
    sourceUpdated: (language, date) => `The ${language} version was updated on ${date}.`,
    sourceUpdatedHelp: "This translation is being brought up to date and will be medically reviewed again.",
    notFoundTitle: "Article not found",
    notFound:
      "We could not find that article. It may have been renamed, withdrawn for an update, or the address may be mistyped.",
    browseAll: "Browse all articles",
  },
  card: { reviewedBy: (name) => `Medically reviewed by ${name} · `, lastModified: "Last modified" },
  history: {
    heading: "Update history",
    notPublished: "Not published yet.",
    firstPublished: "First published.",
    updated: "Updated.",
    reviewedBy: "Medically reviewed by",
    withdrawn: (date) => `(withdrawn ${date})`,
  },
  feedback: {
    heading: "Was this article helpful?",
    thanks: "Thank you for your feedback. It helps us keep this article accurate and clear.",
    leaveEmpty: "Leave this empty",
    answer: "Your answer",
    yes: "Yes",
    no: "No",
    whatWasWrong: "If not, what was wrong?",
    reasons: {
      INACCURATE: "Inaccurate",
      OUTDATED: "Outdated",
      UNCLEAR: "Unclear",
      TYPO_OR_BROKEN_LINK: "Typo or broken link",
      OTHER: "Other",
    },
    comment: "Comment (optional)",
    commentHint: (max) => `Up to ${max} characters. Please do not include personal health details.`,
    email: "E-mail (optional, only if you want a reply)",
    consent: "You may use this address to reply to me about this feedback.",
    send: "Send feedback",
  },
  conditions: {
    title: "Conditions A–Z",
    description: "Every condition we have a medically reviewed article about, from A to Z, with other names for it.",
    letters: "Letters",
    other: "Other",
    see: "see",
  },
  policy: {
    title: "Editorial policy",
    description: `How ${SITE_NAME} writes, medically reviews, sources and updates its health articles.`,
    summary: `What you can expect from every article on ${SITE_NAME}, and how we make sure each promise on the page is true.`,
    sections: [
      {
        id: "writing",
        heading: "How articles are written",
        paragraphs: [
          "Articles are written by our writers from reputable sources: peer-reviewed research, clinical guidelines and public health bodies. Each statement that relies on a source is marked with a numbered citation that links to the reference list at the end of the article, and every reference links to the source itself.",
        ],
      },
      {
        id: "review",
        heading: "Medical review",
        paragraphs: [
          "Before an article is published, a medical reviewer checks the exact version you will read. Reviewers hold a professional credential (such as a medical licence or registration) that our administrators verify, including its issuing body and expiry date. A reviewer cannot approve an article they wrote or edited.",
          "The line “Medically reviewed by” names the reviewer and the qualifications they held on the day they approved the article. If the text changes after approval, the approval no longer counts and the article must be reviewed again before the change is published.",
        ],
      },
      {
        id: "sources",
        heading: "Sources and originality",
        paragraphs: [
          "An article cannot be published while a citation points at a missing reference or a reference has no link. Every version is checked for similarity with other articles and with outside sources before publication; we do not publish copied text.",
        ],
      },
      {
        id: "dates",
        heading: "Dates on each article",
        paragraphs: [],
        terms: [
          { term: "Medically reviewed … on", meaning: "the day the reviewer approved the version you are reading." },
          { term: "Last modified", meaning: "the day that version was published." },
          { term: "First published", meaning: "the day the article first appeared." },
        ],
        after: [
          "Published articles are scheduled for medical re-review at a regular interval, and are updated when the evidence changes.",
        ],
      },
      {
        id: "translations",
        heading: "Translations",
        paragraphs: [
          "A translation is medically reviewed on its own, by a reviewer whose credential covers its language, and it is tied to the version of the original it was made from. When the original is updated, the translation says so until it has been brought up to date and reviewed again.",
        ],
      },
      {
        id: "feedback",
        heading: "Corrections and feedback",
        paragraphs: [
          "Use “Was this article helpful?” at the end of any article to tell us about inaccurate, outdated or unclear content. Each report is tied to the version you read. An article cannot be republished while a report that it is inaccurate or outdated is still open.",
        ],
      },
      {
        id: "advice",
        heading: "Not medical advice",
        paragraphs: [
          "Our articles do not provide medical advice, diagnosis or treatment. Always ask a doctor or another qualified health professional about your own health, and call your local emergency number in an emergency.",
        ],
      },
    ],
  },
};
