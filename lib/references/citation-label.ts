// A short, human label for a citation where the text is shown as plain words rather than rendered (the
// revision diff): "[Smith and Jones 2019]", "[World Health Organization 2023]", "[MedlinePlus 2024]". A
// reference key is an internal identifier; readers and reviewers never see it. Author-year rather than the
// page's numbers because numbers shift when a citation is added earlier in the text, and a diff would then
// mark every later citation as changed.
import type { ReferenceSnapshot } from "../content/reference-snapshot";
import { parseAuthorNames } from "./format-references";

const MAX_TITLE = 40;

function shortTitle(title: string): string {
  const t = title.trim();
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1).trimEnd()}…` : t;
}

/** "Smith", "Smith and Jones", "Smith et al."; the organisation's name when an organisation is the author. */
function authorPart(authors: string): string {
  const names = parseAuthorNames(authors)
    .map((n) => n.literal ?? n.family ?? n.given ?? "")
    .filter(Boolean);
  if (names.length === 0) return "";
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} et al.`;
}

export function citationLabel(reference: ReferenceSnapshot): string {
  const who = authorPart(reference.authors) || reference.containerTitle.trim() || shortTitle(reference.title);
  return reference.year ? `${who} ${reference.year}` : who;
}

/** key → "[label]" for a set of references; a key with no reference says so rather than showing the key. */
export function citationLabeller(references: ReferenceSnapshot[]): (key: string) => string {
  const byKey = new Map(references.map((r) => [r.key, r]));
  return (key) => {
    const r = byKey.get(key);
    return r ? `[${citationLabel(r)}]` : "[missing reference]";
  };
}
