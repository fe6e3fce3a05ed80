// A content-check finding: what is wrong, how much it matters, and where (so the editor can jump to it).
export type Severity = "blocking" | "advisory";

export interface FindingLocation {
  field: "title" | "summary" | "body" | "references";
  /** Top-level block index in the body (what review comments anchor to). */
  blockIndex?: number;
  /** Child indexes from the document root to the text block (paragraph/heading). */
  path?: number[];
  /** Reference key for findings about one reference. */
  refKey?: string;
  /** The text the finding is about, shortened. */
  excerpt?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  location: FindingLocation;
  /** What the finding is about, when it is one word or key (the misspelled word: lets an editor add it). */
  subject?: string;
}

export interface CheckReference {
  key: string;
  title?: string | null;
  url?: string | null;
  doi?: string | null;
  pmid?: string | null;
  /** Imported from an entry that could not be read completely: the writer has still to complete it. */
  needsDetails?: boolean | null;
}

export interface CheckInput {
  title: string;
  summary: string;
  conditionName?: string | null;
  /** Tiptap JSON (object or string). */
  body: unknown;
  references: CheckReference[];
}
