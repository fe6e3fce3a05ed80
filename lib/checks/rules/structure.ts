// Structure rules: a heading or an "includes:" lead-in with nothing under it; the same heading twice.
import { excerpt, REFERENCE_HEADING, type TextBlock } from "../../content/document-blocks";
import type { Finding } from "../types";

export function blockLocation(b: TextBlock) {
  return { field: "body" as const, blockIndex: b.blockIndex, path: b.path, excerpt: excerpt(b.text) };
}

/**
 * A heading followed by nothing before the next heading of the same or a higher level (or the end).
 * A sub-heading counts as content of its parent: if the sub-section is empty it is reported on its own.
 */
export function emptyHeadings(blocks: TextBlock[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type !== "heading" || b.inQuote) continue;
    if (!b.text.trim()) {
      out.push({
        rule: "empty-heading",
        severity: "blocking",
        message: "A heading has no text.",
        location: blockLocation(b),
      });
      continue;
    }
    let hasContent = false;
    for (let j = i + 1; j < blocks.length; j++) {
      const n = blocks[j];
      if (n.type === "heading") {
        hasContent = (n.level ?? 2) > (b.level ?? 2);
        break;
      }
      if (n.text.trim()) {
        hasContent = true;
        break;
      }
    }
    if (!hasContent)
      out.push({
        rule: "empty-section",
        severity: "blocking",
        message: `The section “${excerpt(b.text, 60)}” has nothing under it. Write it or remove the heading.`,
        location: blockLocation(b),
      });
  }
  return out;
}

// "Symptoms include:", "Causes can be the following:", "such as:": a sentence that announces a list.
const LEAD_IN = /:\s*$/;
// "The following symptoms are common." / "…include the following." without a colon: a promise all the same.
const FOLLOWING =
  /\b(?:the following(?!\s+(?:day|days|week|weeks|month|months|year|years|morning|night|evening|time|visit))|as follows|include(?:s)? these)\b[^.!?]*[.]?\s*$/i;
/** Items typed as paragraphs are short: one such paragraph of at most this many words, or several of at most
 *  MAX_ITEM_WORDS; a longer single paragraph after a lead-in is prose about something else. */
const MAX_SINGLE_ITEM_WORDS = 16;
const MAX_ITEM_WORDS = 25;

const wordCount = (t: string) => (t.match(/\S+/g) ?? []).length;

/**
 * A lead-in ("Symptoms include:", "The following…") must be followed by what it announces: a list, or
 * items typed as short paragraphs. Nothing after it, or a paragraph of ordinary prose, is reported.
 */
export function danglingLeadIns(blocks: TextBlock[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type !== "paragraph" || b.followedByList) continue;
    // "Note:", "Tip:", "Answer:" are labels; a lead-in has a few words or says what it introduces.
    const colon =
      LEAD_IN.test(b.text) && (wordCount(b.text) >= 3 || INTRODUCES_ITEMS.test(b.text) || ANNOUNCES.test(b.text));
    if (!colon && !FOLLOWING.test(b.text)) continue;
    const next = blocks[i + 1];
    // "As one patient put it:" before a quotation introduces the quotation, not a list.
    if (next?.inQuote && !b.inQuote) continue;
    const sameContainer =
      !!next &&
      next.type === "paragraph" &&
      !!next.text.trim() &&
      next.path.slice(0, -1).join() === b.path.slice(0, -1).join();
    // Items typed as plain paragraphs right after it (same container) count as what it announces.
    const after = blocks[i + 2];
    const twoItems =
      !!after &&
      after.type === "paragraph" &&
      after.path.slice(0, -1).join() === b.path.slice(0, -1).join() &&
      wordCount(after.text) <= MAX_ITEM_WORDS;
    if (
      sameContainer &&
      (wordCount(next.text) <= MAX_SINGLE_ITEM_WORDS || (twoItems && wordCount(next.text) <= MAX_ITEM_WORDS))
    )
      continue;
    out.push({
      rule: "empty-lead-in",
      severity: colon ? "blocking" : "advisory",
      message: sameContainer
        ? `“${excerpt(b.text, 60)}” announces a list, but a paragraph of prose follows instead.`
        : `“${excerpt(b.text, 60)}” announces a list, but nothing follows it.`,
      location: blockLocation(b),
    });
  }
  return out;
}

// Headings that promise an enumeration: "Types of calcinosis", "Common causes", "5 warning signs". A bare
// template heading ("Causes", "Symptoms") often introduces prose and is not one of these.
const LIST_NOUNS =
  "types|kinds|forms|causes|symptoms|signs(?: and symptoms)?|risk factors|complications|treatments|treatment options|side effects|warning signs|triggers";
const LIST_HEADING = new RegExp(
  `^(?:(?:the\\s+)?(?:main|common|most common|other|different|possible|\\d+|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:${LIST_NOUNS})\\b|(?:${LIST_NOUNS})\\s+(?:of|include|are)\\b)`,
  "i",
);
// The same promise in the other languages imported pages come in ("Tipos de…", "Ursachen von…", "Causes de…").
const LIST_HEADING_OTHER_LANGUAGES =
  /^(?:(?:tipos|causas|síntomas|signos|factores de riesgo|complicaciones)\s+(?:de|del)\b|(?:arten|formen|ursachen|symptome|anzeichen|risikofaktoren|komplikationen)\s+(?:von|der|des|bei)\b|(?:types|causes|symptômes|signes|facteurs de risque|complications)\s+(?:de|du|des|d’|d')\b)/i;
// "…include:", "…Includes:", "Try the following", "What the check-up includes": an announcement whatever the
// words before it. A heading that only ends in a colon promises a list when its last word introduces items (a
// verb, "such as", or a plural noun of things that come in lists); "Diagnosis:" or "Note:" are labels.
const ANNOUNCES =
  /\b(?:the following|as follows)\b|\binclud(?:e|es|ing)\s*:?\s*$|\b(?:incluyen|siguientes|folgende|suivants|suivantes)\b/i;
const INTRODUCES_ITEMS =
  /\b(?:are|is|such as|like|may|can|might|need|needs|have|has|cause|causes|involve|involves|contain|contains|consist of|types|kinds|forms|signs|symptoms|risk factors|factors|complications|options|steps|tips|ways|things|examples|features|triggers|treatments|medicines|medications|tests|foods|reasons|questions|benefits|risks|side effects|son|sind|sont)\s*:\s*$/i;

// "Ways to prevent tick bites:", "Foods to avoid:": a heading ending in a colon that names things in the plural.
const PLURAL_ITEMS_WITH_COLON =
  /\b(?:ways|tips|steps|things|signs|symptoms|causes|types|kinds|foods|drinks|reasons|options|factors|treatments|medicines|questions|examples|benefits|risks|complications|triggers|tests|exercises)\b.*:\s*$/i;

/** Does this heading announce a list of items (so its section must hold one)? */
export function headingPromisesList(text: string): boolean {
  const t = text.replace(/\s+/g, " ").trim();
  if (!t || REFERENCE_HEADING.test(t)) return false;
  return (
    LIST_HEADING.test(t) ||
    LIST_HEADING_OTHER_LANGUAGES.test(t) ||
    ANNOUNCES.test(t) ||
    INTRODUCES_ITEMS.test(t) ||
    PLURAL_ITEMS_WITH_COLON.test(t)
  );
}

/**
 * A section whose heading promises a list ("Types of…", "Common risk factors", "…Includes:", "the following")
 * but whose text holds none. Advisory: the words decide, and a person should look.
 */
export function listHeadingsWithoutList(blocks: TextBlock[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const h = blocks[i];
    if (h.type !== "heading" || h.inQuote || !headingPromisesList(h.text)) continue;
    let hasList = false;
    let hasText = false;
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (b.type === "heading" && (b.level ?? 2) <= (h.level ?? 2)) break;
      if (b.listDepth > 0 || b.followedByList) hasList = true;
      if (b.text.trim()) hasText = true;
    }
    // An empty section is reported by emptyHeadings already.
    if (hasList || !hasText) continue;
    const announces = /:\s*$/.test(h.text) || ANNOUNCES.test(h.text);
    out.push({
      rule: "heading-without-list",
      severity: "advisory",
      message: announces
        ? `The heading “${excerpt(h.text, 60)}” announces a list, but prose follows and the section has none. List the items, or reword the heading.`
        : `The section “${excerpt(h.text, 60)}” promises a list of them, but has none. Readers scan these sections: list the items.`,
      location: blockLocation(h),
    });
  }
  return out;
}

function headingKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function duplicateHeadings(blocks: TextBlock[]): Finding[] {
  const seen = new Map<string, TextBlock>();
  const out: Finding[] = [];
  for (const b of blocks) {
    if (b.type !== "heading" || b.inQuote) continue;
    const key = headingKey(b.text);
    if (!key) continue;
    const first = seen.get(key);
    if (first)
      out.push({
        rule: "duplicate-heading",
        severity: "advisory",
        message: `The heading “${excerpt(b.text, 60)}” appears twice (first in block ${first.blockIndex + 1}).`,
        location: blockLocation(b),
      });
    else seen.set(key, b);
  }
  return out;
}
