// The evidence checks a standard's criteria map to (lib/standards/mappings/*.json name them by id). Each looks at
// what Imprimatur recorded for one article (ArticleEvidence, loaded for all articles at once by
// ./build-standards-report.ts) and answers whether the evidence is there and, when it is not, why.
import { describeFunding } from "../declarations/article-funding";
import type { DisclosureSnapshot } from "../declarations/disclosure-snapshot";

export interface ArticleEvidence {
  live: boolean;
  reviewDueAt: Date | null;
  approval: {
    credentialVerified: boolean;
    credentialExpiresAt: Date | null;
    evidenceChecked: boolean;
  } | null;
  /** The live revision replaced an earlier publication (a re-review), rather than being the first one. */
  reReview: boolean;
  references: Array<{ year: number | null; doi: string | null }>;
  retractedDois: string[];
  latestCheckRun: { blocking: number } | null;
  plagiarism: { similarity: number } | null;
  untriagedFeedbackOlderThanDays: number;
  /** What the page said about funding and interests when the live revision was published (null: published
   *  before Imprimatur recorded it). */
  disclosure: DisclosureSnapshot | null;
  /** Lay reviews recorded on the live revision's content hash. */
  layReviews: number;
}

export interface EvidenceContext {
  now: Date;
  maxSourceAgeYears: number;
  plagiarismThresholdPercent: number;
  /** Feedback older than this and still untriaged counts against "feedback acted on". */
  feedbackTriageDays: number;
  chainVerifies: boolean;
  chainProblem: string | null;
}

export interface CheckResult {
  ok: boolean;
  /** What the evidence is, or why it is missing: shown beside the criterion. */
  reason: string;
}

export interface EvidenceCheck {
  label: string;
  run(a: ArticleEvidence, ctx: EvidenceContext): CheckResult;
}

const pass = (reason: string): CheckResult => ({ ok: true, reason });
const fail = (reason: string): CheckResult => ({ ok: false, reason });
const PUBLISHED_BEFORE_DISCLOSURE =
  "Not recorded: the live revision was published before funding and declarations were recorded; publish it again to record them.";

export const EVIDENCE_CHECKS = {
  published: {
    label: "Published under the site's name",
    run: (a) => (a.live ? pass("Live on the site, with its editorial policy linked.") : fail("Not live.")),
  },
  "approval-present": {
    label: "Clinical approval recorded",
    run: (a) =>
      a.approval
        ? pass("The live revision has a standing approval bound to its content hash.")
        : fail("No standing approval of the live revision."),
  },
  "reviewer-credential": {
    label: "Reviewer's credential verified and current",
    run: (a, ctx) => {
      if (!a.approval) return fail("No approval, so no reviewer credential.");
      if (!a.approval.credentialVerified) return fail("The approval carries no verified credential.");
      if (a.approval.credentialExpiresAt && a.approval.credentialExpiresAt < ctx.now)
        return fail(`The reviewer's credential expired on ${day(a.approval.credentialExpiresAt)}.`);
      return pass("Verified credential, current.");
    },
  },
  "references-present": {
    label: "Sources cited",
    run: (a) =>
      a.references.length
        ? pass(`${a.references.length} source(s) recorded.`)
        : fail("The live revision cites no sources."),
  },
  "references-current": {
    label: "Sources dated and current",
    run: (a, ctx) => {
      if (!a.references.length) return fail("No sources to date.");
      const undated = a.references.filter((r) => r.year === null).length;
      const oldest = ctx.now.getUTCFullYear() - ctx.maxSourceAgeYears;
      const old = a.references.filter((r) => r.year !== null && r.year < oldest).length;
      if (undated) return fail(`${undated} source(s) have no publication year.`);
      if (old) return fail(`${old} source(s) are older than ${ctx.maxSourceAgeYears} years (before ${oldest}).`);
      return pass(`All sources dated ${oldest} or later.`);
    },
  },
  "sources-stand": {
    label: "No retracted source",
    run: (a) =>
      a.retractedDois.length
        ? fail(`Retracted: ${a.retractedDois.join(", ")}.`)
        : pass("No cited DOI is known to be retracted."),
  },
  "review-date-set": {
    label: "Re-review date set",
    run: (a) => (a.reviewDueAt ? pass(`Due ${day(a.reviewDueAt)}.`) : fail("No re-review date.")),
  },
  "review-not-overdue": {
    label: "Not past its re-review date",
    run: (a, ctx) =>
      !a.reviewDueAt
        ? fail("No re-review date.")
        : a.reviewDueAt < ctx.now
          ? fail(`Overdue since ${day(a.reviewDueAt)}.`)
          : pass(`Due ${day(a.reviewDueAt)}.`),
  },
  "evidence-checked": {
    label: "Evidence confirmed checked at re-review",
    run: (a) =>
      !a.approval
        ? fail("No approval.")
        : !a.reReview
          ? pass("First review: the evidence was assessed at approval.")
          : a.approval.evidenceChecked
            ? pass("The re-review approval records that the evidence was checked.")
            : fail("The re-review approval does not record that the evidence was checked."),
  },
  "content-checks-pass": {
    label: "Content checks (readability, language) pass",
    run: (a) =>
      !a.latestCheckRun
        ? fail("No content check run recorded for the live revision.")
        : a.latestCheckRun.blocking
          ? fail(`${a.latestCheckRun.blocking} blocking finding(s) in the latest check run.`)
          : pass("Latest check run: no blocking finding."),
  },
  "plagiarism-checked": {
    label: "Checked for copied text",
    run: (a, ctx) =>
      !a.plagiarism
        ? fail("No plagiarism report for the live revision.")
        : a.plagiarism.similarity >= ctx.plagiarismThresholdPercent
          ? fail(
              `Similarity ${a.plagiarism.similarity.toFixed(1)}% is at or above the ${ctx.plagiarismThresholdPercent}% threshold.`,
            )
          : pass(`Similarity ${a.plagiarism.similarity.toFixed(1)}%.`),
  },
  "feedback-mechanism": {
    label: "Readers can give feedback",
    run: (a) => (a.live ? pass("The page carries the “Was this helpful?” form.") : fail("Not live.")),
  },
  "feedback-triaged": {
    label: "Feedback acted on",
    run: (a, ctx) =>
      a.untriagedFeedbackOlderThanDays
        ? fail(
            `${a.untriagedFeedbackOlderThanDays} answer(s) waiting more than ${ctx.feedbackTriageDays} days for triage.`,
          )
        : pass(`No answer waits more than ${ctx.feedbackTriageDays} days.`),
  },
  "audit-chain-verifies": {
    label: "Audit log verifies",
    run: (_a, ctx) =>
      ctx.chainVerifies
        ? pass("The audit chain verifies.")
        : fail(`The audit chain does not verify: ${ctx.chainProblem}`),
  },
  "funding-declared": {
    label: "Funding and sponsorship declared",
    run: (a) =>
      !a.disclosure
        ? fail(PUBLISHED_BEFORE_DISCLOSURE)
        : !a.disclosure.funding
          ? fail("Funding and sponsorship were not stated when the live revision was published.")
          : pass(`Funding: ${describeFunding(a.disclosure.funding)}`),
  },
  "conflicts-declared": {
    label: "Conflicts of interest declared",
    run: (a) => {
      if (!a.disclosure) return fail(PUBLISHED_BEFORE_DISCLOSURE);
      const people = a.disclosure.people;
      if (!people.length)
        return fail("No writer or approving reviewer was named when the live revision was published.");
      const undeclared = people.filter((p) => p.undeclared).map((p) => p.name);
      if (undeclared.length)
        return fail(`No declaration of interests in force when published: ${[...new Set(undeclared)].join(", ")}.`);
      const withInterests = people.filter((p) => p.hasInterests).length;
      return pass(
        withInterests
          ? `All ${people.length} people named had a declaration in force; ${withInterests} declared interests, shown on the page.`
          : `All ${people.length} people named had a declaration in force; none declared an interest.`,
      );
    },
  },
  "lay-review-recorded": {
    label: "Lay review recorded",
    run: (a) =>
      a.layReviews
        ? pass(`${a.layReviews} lay review(s) recorded on the live revision's content.`)
        : fail("No lay review recorded on the live revision's content."),
  },
} satisfies Record<string, EvidenceCheck>;

export type EvidenceCheckId = keyof typeof EVIDENCE_CHECKS;
export const EVIDENCE_CHECK_IDS = Object.keys(EVIDENCE_CHECKS) as EvidenceCheckId[];

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
