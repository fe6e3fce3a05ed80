// Runs every content rule over an article version. Pure: the caller passes the word checker (built from
// the project dictionary) so this never touches the database; see store-check-run.ts for the stored run.
import { parseBody, textBlocks } from "../content/document-blocks";
import {
  nonHttpLinks,
  referencesNeedingDetails,
  referencesWithoutLink,
  uncitedReferences,
  unresolvedCitations,
} from "./rules/citations";
import { missingDisclaimer, missingSummary, missingTemplateSections } from "./rules/completeness";
import { danglingLeadIns, duplicateHeadings, emptyHeadings, listHeadingsWithoutList } from "./rules/structure";
import { readability, realWordErrors, uncitedClaims, type Audience } from "./rules/language";
import { createWordChecker, misspellings, type WordChecker } from "./spelling";
import type { CheckInput, Finding } from "./types";
import { DEFAULT_READER_LOCALE, type ReaderLocale } from "../i18n/locales";

export interface RunChecksOptions {
  /** Spell checker; default: the locale's dictionary + medical words, no project words. */
  words?: WordChecker;
  /** True when the public page prints the disclaimer on every article (then the body need not). */
  siteDisclaimer?: boolean;
  /** Who the article is written for: sets the readability target (default patients). */
  audience?: Audience;
  /** The article's language: picks the dictionary (when `words` is not given) and the readability formula. */
  locale?: ReaderLocale;
}

export interface CheckSummary {
  findings: Finding[];
  blocking: number;
  advisory: number;
}

const FIELD_ORDER = { title: 0, summary: 1, body: 2, references: 3 } as const;

function comparePaths(a: number[] = [], b: number[] = []): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Blocking first, then in reading order (title, summary, body top to bottom, references). */
export function byImportanceThenPlace(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === "blocking" ? -1 : 1;
  const field = FIELD_ORDER[a.location.field] - FIELD_ORDER[b.location.field];
  if (field) return field;
  // Body findings without a place (a missing section) come after those with one.
  const pa = a.location.path ?? [Number.MAX_SAFE_INTEGER];
  const pb = b.location.path ?? [Number.MAX_SAFE_INTEGER];
  return comparePaths(pa, pb);
}

/**
 * The blocking findings alone, without the dictionary (no blocking rule reads words): what submitting for review
 * needs fixed (lib/workflow/state-machine.ts, precondition "no-blocking-findings") and what the article
 * workspace's header lists. Every rule that can report a blocking finding is here; run-checks.test.ts checks
 * that the result equals the blocking part of runContentChecks.
 */
export function runBlockingChecks(input: CheckInput): Finding[] {
  const blocks = textBlocks(parseBody(input.body));
  return [
    ...missingSummary(input),
    ...emptyHeadings(blocks),
    ...danglingLeadIns(blocks),
    ...unresolvedCitations(blocks, input.references),
    ...referencesWithoutLink(input.references),
    ...nonHttpLinks(blocks, input.references),
  ]
    .filter((f) => f.severity === "blocking")
    .sort(byImportanceThenPlace);
}

export function runContentChecks(input: CheckInput, options: RunChecksOptions = {}): CheckSummary {
  const blocks = textBlocks(parseBody(input.body));
  const locale = options.locale ?? DEFAULT_READER_LOCALE;
  const words = options.words ?? createWordChecker([], locale);
  const findings: Finding[] = [
    ...missingSummary(input),
    ...emptyHeadings(blocks),
    ...danglingLeadIns(blocks),
    ...listHeadingsWithoutList(blocks),
    ...duplicateHeadings(blocks),
    ...unresolvedCitations(blocks, input.references),
    ...referencesWithoutLink(input.references),
    ...nonHttpLinks(blocks, input.references),
    ...uncitedReferences(blocks, input.references),
    ...referencesNeedingDetails(input.references),
    ...missingTemplateSections(input, blocks),
    ...missingDisclaimer(input, blocks, options.siteDisclaimer ?? false),
    ...misspellings(blocks, words),
    ...realWordErrors(blocks),
    ...uncitedClaims(blocks),
    ...readability(blocks, options.audience, locale),
  ];
  findings.sort(byImportanceThenPlace);
  const blocking = findings.filter((f) => f.severity === "blocking").length;
  return { findings, blocking, advisory: findings.length - blocking };
}
