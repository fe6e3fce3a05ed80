// Structure rules: a heading or an "includes:" lead-in with nothing under it; the same heading twice.
import { excerpt, type TextBlock } from "../document-blocks";
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

/** A paragraph ending with a colon that is followed neither by a list nor by more text in the same place. */
export function danglingLeadIns(blocks: TextBlock[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type !== "paragraph" || !LEAD_IN.test(b.text) || b.followedByList) continue;
    const next = blocks[i + 1];
    // Items typed as plain paragraphs right after it (same container) count as what it announces.
    const sameContainer =
      !!next &&
      next.type === "paragraph" &&
      !!next.text.trim() &&
      next.path.slice(0, -1).join() === b.path.slice(0, -1).join();
    if (sameContainer) continue;
    out.push({
      rule: "empty-lead-in",
      severity: "blocking",
      message: `“${excerpt(b.text, 60)}” announces a list, but nothing follows it.`,
      location: blockLocation(b),
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
