// Runs every content rule over an article version. Pure: the caller passes the word checker (built from
// the project dictionary) so this never touches the database; see store-check-run.ts for the stored run.
import { parseBody, textBlocks } from "./document-blocks";
import { nonHttpLinks, referencesWithoutLink, uncitedReferences, unresolvedCitations } from "./rules/citations";
import { missingDisclaimer, missingSummary, missingTemplateSections } from "./rules/completeness";
import { danglingLeadIns, duplicateHeadings, emptyHeadings } from "./rules/structure";
import { createWordChecker, misspellings, type WordChecker } from "./spelling";
import type { CheckInput, Finding } from "./types";

export interface RunChecksOptions {
  /** Spell checker; default: English + medical words, no project words. */
  words?: WordChecker;
  /** True when the public page prints the disclaimer on every article (then the body need not). */
  siteDisclaimer?: boolean;
}

export interface CheckSummary {
  findings: Finding[];
  blocking: number;
  advisory: number;
}

export function runContentChecks(input: CheckInput, options: RunChecksOptions = {}): CheckSummary {
  const blocks = textBlocks(parseBody(input.body));
  const words = options.words ?? createWordChecker();
  const findings: Finding[] = [
    ...missingSummary(input),
    ...emptyHeadings(blocks),
    ...danglingLeadIns(blocks),
    ...duplicateHeadings(blocks),
    ...unresolvedCitations(blocks, input.references),
    ...referencesWithoutLink(input.references),
    ...nonHttpLinks(blocks, input.references),
    ...uncitedReferences(blocks, input.references),
    ...missingTemplateSections(input, blocks),
    ...missingDisclaimer(input, blocks, options.siteDisclaimer ?? false),
    ...misspellings(blocks, words),
  ];
  // Blocking first, then in reading order.
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "blocking" ? -1 : 1));
  const blocking = findings.filter((f) => f.severity === "blocking").length;
  return { findings, blocking, advisory: findings.length - blocking };
}
