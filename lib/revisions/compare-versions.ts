// A version diff as people read it: the text diff (lib/revisions/diff-revisions.ts, citations as author-year
// labels) plus each changed reference as its formatted entry in the article's citation style, before and
// after, instead of its internal key. Used by the review screen and History → Compare.
import type { ReferenceSnapshot } from "../content/reference-snapshot";
import type { CitationStyle } from "../references/citation-styles";
import { formatReferences } from "../references/format-references";
import { escapeHtml } from "../content/render";
import { diffVersions, type DiffableVersion, type ReferenceDiff, type VersionDiff } from "./diff-revisions";

const FIELD_NAMES: Record<keyof ReferenceSnapshot, string> = {
  key: "key",
  authors: "authors",
  title: "title",
  containerTitle: "journal or website",
  year: "year",
  url: "link",
  doi: "DOI",
  pmid: "PMID",
  accessedAt: "date accessed",
  peerReviewed: "peer review",
  needsDetails: "details still to complete",
};

export interface ReferenceChange {
  kind: ReferenceDiff["kind"];
  /** Formatted entries (HTML from the citation style): `before` for removed and changed, `after` for added and
   *  changed. */
  beforeHtml: string | null;
  afterHtml: string | null;
  /** What changed in a changed reference, in words ("year", "journal or website"). */
  changedFields: string[];
}

export interface ComparedVersions {
  diff: VersionDiff;
  references: ReferenceChange[];
}

export function compareVersions(
  before: DiffableVersion,
  after: DiffableVersion,
  style: CitationStyle,
): ComparedVersions {
  const diff = diffVersions(before, after);
  if (!diff.references.length) return { diff, references: [] };
  const keys = new Set(diff.references.map((r) => r.key));
  const formattedBefore = formatReferences(
    before.references.filter((r) => keys.has(r.key)),
    style,
  );
  const formattedAfter = formatReferences(
    after.references.filter((r) => keys.has(r.key)),
    style,
  );
  return {
    diff,
    references: diff.references.map((r) => ({
      kind: r.kind,
      beforeHtml: r.kind === "added" ? null : (formattedBefore.get(r.key) ?? escapeHtml(r.title)),
      afterHtml: r.kind === "removed" ? null : (formattedAfter.get(r.key) ?? escapeHtml(r.title)),
      changedFields: r.changes.map((c) => FIELD_NAMES[c.field]),
    })),
  };
}
