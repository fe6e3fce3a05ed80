// "Mayo ClinicCalcium deposits: what they are" — a source entry whose publisher (or site) and title ran together
// when the page was copied (two spans with nothing between them, or text pasted from such a page). Read it as
// publisher "Mayo Clinic", title "Calcium deposits", description "what they are". The split is a guess offered
// to the writer: the reference keeps the entry as it was, and the writer can correct either part.
import { CAMEL_CASE_NAMES, leadingPublisher } from "./known-publishers";

/** Where one inline element of the page ended and the next began with no space between them. */
export const SEAM = "\uE000";

export interface PublisherTitleSplit {
  publisher: string;
  title: string;
  /** The one-line description after the first colon, if any (not part of the title). */
  description: string;
  /** How the seam was found: a known publisher name, an element boundary, or a change of letter case. */
  by: "known-publisher" | "element-boundary" | "case-change";
}

const UPPER = /[\p{Lu}\d]/u;
const LOWER = /\p{Ll}/u;

/** The part of an entry that may hold publisher + title: up to the first colon (the description follows it). */
function headAndDescription(text: string): { head: string; description: string } {
  const colon = text.search(/:\s/);
  if (colon > 0 && colon < 250) return { head: text.slice(0, colon), description: text.slice(colon + 1).trim() };
  return { head: text, description: "" };
}

/** Offsets inside `token` (relative) where a case change marks a seam: "ClinicCalcium" → 6, "UKKidney" → 2. */
function caseSeams(token: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < token.length - 1; i++) {
    const [a, b, c] = [token[i - 1], token[i], token[i + 1]];
    if (!/\p{Lu}/u.test(b) || !LOWER.test(c)) continue; // the title starts with a capitalised word
    const segmentStart = Math.max(token.lastIndexOf("-", i) + 1, 0);
    const left = token.slice(segmentStart, i);
    if (LOWER.test(a)) {
      // lower→Upper: "ClinicCalcium". Not "McArdle", "MacLeod", "HbA1c", "eGFR", "DiGeorge", "iPhone".
      if (left.length <= 2 || /^Ma?c$/.test(left)) continue;
      out.push(i);
    } else if (/\p{Lu}/u.test(a) && i >= 2 && /\p{Lu}/u.test(token[i - 2] ?? "")) {
      // ACRONYM→Word: "NHSKidney", "UKKidney" (two capitals at least before the seam).
      out.push(i);
    }
  }
  return out;
}

function insideCamelName(head: string, offset: number): boolean {
  for (const name of CAMEL_CASE_NAMES) {
    let from = 0;
    for (;;) {
      const at = head.indexOf(name, from);
      if (at < 0) break;
      if (offset > at && offset < at + name.length) return true;
      from = at + 1;
    }
  }
  return false;
}

function clean(s: string): string {
  return s.replaceAll(SEAM, "").replace(/\s+/g, " ").trim();
}

function result(
  head: string,
  at: number,
  description: string,
  by: PublisherTitleSplit["by"],
  skip = 0,
): PublisherTitleSplit | null {
  const publisher = clean(head.slice(0, at));
  const title = clean(head.slice(at + skip)).replace(/[.\s]+$/, "");
  if (publisher.length < 2 || title.length < 2 || !UPPER.test(title[0])) return null;
  return { publisher, title, description: clean(description), by };
}

/**
 * Splits "PublisherTitle: description" run together (no space between publisher and title). Returns null for
 * entries that are not run together: ordinary citations ("Smith J. Title. Journal."), titles alone, prose.
 */
export function splitPublisherTitle(entry: string): PublisherTitleSplit | null {
  const text = entry.replace(/\s+/g, " ").trim();
  const { head, description } = headAndDescription(text);
  const plainHead = head.replaceAll(SEAM, "");
  // A citation with sentences before the colon ("Smith J. Calcinosis cutis: …") is not this shape.
  if (/[.?!]\s+\p{Lu}/u.test(plainHead) && !leadingPublisher(plainHead)?.includes(".")) return null;

  // 1. A known name glued to the title ("NHSKidney disease…", "Mayo ClinicCalcium…").
  const known = leadingPublisher(plainHead);
  if (known) {
    const rest = plainHead.slice(known.length);
    if (UPPER.test(rest[0] ?? "") && LOWER.test(rest[1] ?? "") && !insideCamelName(plainHead, known.length))
      return result(plainHead, known.length, description, "known-publisher");
    // "Mayo Clinic Calcium deposits: …" (a space, then a title with its description): the same shape.
    if (description && /^ \p{Lu}\p{Ll}/u.test(rest))
      return result(plainHead, known.length, description, "known-publisher", 1);
  }

  // 2. Two elements of the page with nothing between them: "<span>Kidney Care UK</span><span>Kidney stones</span>".
  for (let i = head.indexOf(SEAM); i >= 0; i = head.indexOf(SEAM, i + 1)) {
    const before = head.slice(0, i).replaceAll(SEAM, "");
    const after = head.slice(i + 1).replaceAll(SEAM, "");
    if (/[\p{L}\d)]$/u.test(before) && UPPER.test(after[0] ?? "") && before.trim().length >= 2)
      return result(before + SEAM + after, before.length, description, "element-boundary", 1);
  }

  // 3. A change of case inside one word among the first few ("DermatologyHives", "UKKidney").
  const tokens = [...plainHead.matchAll(/\S+/g)].slice(0, 10);
  for (const token of tokens) {
    const seams = caseSeams(token[0]).filter((o) => !insideCamelName(plainHead, token.index + o));
    if (!seams.length) continue;
    return result(plainHead, token.index + seams[seams.length - 1], description, "case-change");
  }
  return null;
}
