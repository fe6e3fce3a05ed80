import type { ReferenceSnapshot } from "../../lib/content/reference-snapshot";

/** A reference as a revision stores it: every field empty but its key and title, then the test's own values. */
export function referenceSnapshot(key: string, over: Partial<ReferenceSnapshot> = {}): ReferenceSnapshot {
  return {
    key,
    authors: "",
    title: key,
    containerTitle: "",
    year: null,
    url: null,
    doi: null,
    pmid: null,
    accessedAt: null,
    peerReviewed: false,
    ...over,
  };
}
