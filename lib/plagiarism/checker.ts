// What a plagiarism check produces, whoever runs it. Imprimatur's own checker (winnowing over its SQLite
// index) is one implementation; an outside service could be another: it reports through the same shape and
// the report row records its name (PlagiarismReport.checker), so the gate treats both alike.
import type { Passage } from "./find-passages";
import type { SourceKind } from "./fingerprint-index";

export interface MatchedSource {
  kind: SourceKind;
  /** Revision.id or CorpusDocument.id (for an outside checker: its own identifier). */
  id: string;
  articleId: string | null;
  title: string;
  url: string | null;
  /** Set when the viewer may not open the matched article: title, link and text were withheld. */
  hidden?: true;
}

export interface SourceMatch {
  source: MatchedSource;
  /** Share of the checked text's words inside passages matched with this source, 0–100. */
  percent: number;
  matchedWords: number;
  passages: Passage[];
}

export interface PlagiarismResult {
  /** Share of the checked text's words inside any matched passage, 0–100. */
  similarity: number;
  wordCount: number;
  matches: SourceMatch[];
  parameters: Record<string, unknown>;
}

export interface PlagiarismCheckInput {
  revisionId: string;
  articleId: string;
  /** The article's language: a checker compares it only with texts in the same language. */
  locale?: string;
  /** The checkable text (quotations and references already left out: see extract-text.ts). */
  text: string;
}

export interface PlagiarismChecker {
  /** Stored as PlagiarismReport.checker. */
  readonly name: string;
  check(input: PlagiarismCheckInput): Promise<PlagiarismResult>;
}

export function roundPercent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((1000 * part) / whole) / 10;
}
