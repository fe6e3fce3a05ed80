// The text a plagiarism check looks at: the writer's own words. Left out, as PRODUCT.md asks:
// - blockquotes (quotations are attributed copying, not plagiarism);
// - quoted text inside a paragraph: “…”, "…", „…“, «…» (a quoted span is replaced by " … ");
// - the reference list: the structured references live outside the body (Revision.referencesJson) and are
//   not read at all; a "References"/"Sources" section typed into the body is skipped up to the next heading
//   of the same or a higher level.
import { parseBody, REFERENCE_HEADING, textBlocks } from "../content/document-blocks";

// Pairs within one block only, and not longer than a paragraph: a stray quote mark cannot swallow the article.
const QUOTED = /“[^“”]{0,2000}”|"[^"\n]{0,2000}"|„[^„“”]{0,2000}[“”]|«[^«»]{0,2000}»/g;

export function stripQuoted(text: string): string {
  return text.replace(QUOTED, " … ");
}

export interface CheckableContent {
  title?: string;
  summary?: string;
  body: unknown; // Tiptap JSON (object or string)
}

export function extractCheckableText(content: CheckableContent): string {
  const parts: string[] = [];
  if (content.title?.trim()) parts.push(stripQuoted(content.title.trim()));
  if (content.summary?.trim()) parts.push(stripQuoted(content.summary.trim()));
  let skipUntilLevel: number | null = null;
  for (const block of textBlocks(parseBody(content.body))) {
    if (block.type === "heading") {
      const level = block.level ?? 2;
      if (skipUntilLevel !== null && level <= skipUntilLevel) skipUntilLevel = null;
      if (REFERENCE_HEADING.test(block.text)) {
        skipUntilLevel = level;
        continue;
      }
    }
    if (skipUntilLevel !== null || block.inQuote) continue;
    const text = stripQuoted(block.text).trim();
    if (text) parts.push(text);
  }
  return parts.join("\n\n");
}
