// Plain-text views of a document: word count, citation order, and one text per top-level block (used by
// the revision diff and by checks that need prose without markup).
import type { BlockNode, DocumentJson, InlineNode } from "./document-schema";
import { HARD_BREAK_TEXT } from "./document-blocks";

export interface TextOptions {
  /** Include citations: as "[key]", or as `citationLabel` writes them (lib/references/citation-label.ts). */
  citations?: boolean;
  citationLabel?: (refKey: string) => string;
}

/** Text of inline content; citations are included only when asked, so word counts ignore them. */
export function inlineText(content: InlineNode[] | undefined, opts: TextOptions = {}): string {
  let out = "";
  for (const node of content ?? []) {
    if (node.type === "text") out += node.text;
    else if (node.type === "hardBreak") out += HARD_BREAK_TEXT;
    else if (node.type === "citation" && opts.citations)
      out += opts.citationLabel ? opts.citationLabel(node.attrs.refKey) : `[${node.attrs.refKey}]`;
  }
  return out;
}

/** All text of a block, children separated by newlines. */
export function blockText(block: BlockNode, opts: TextOptions = {}): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return inlineText(block.content, opts);
    case "blockquote":
      return block.content.map((b) => blockText(b, opts)).join("\n");
    case "bulletList":
    case "orderedList":
      return block.content.map((item) => item.content.map((b) => blockText(b, opts)).join("\n")).join("\n");
    case "image":
      return ""; // an image's words (alt text, caption) belong to its media record, not to the prose
  }
}

export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

export function wordCount(doc: DocumentJson): number {
  let n = 0;
  for (const block of doc.content) n += countWords(blockText(block));
  return n;
}

/** Cited reference keys in document order (repeats included). */
export function citationKeys(doc: DocumentJson): string[] {
  const keys: string[] = [];
  const visitInline = (content: InlineNode[] | undefined) => {
    for (const node of content ?? []) if (node.type === "citation") keys.push(node.attrs.refKey);
  };
  const visitBlock = (block: BlockNode): void => {
    switch (block.type) {
      case "paragraph":
      case "heading":
        return visitInline(block.content);
      case "blockquote":
        return block.content.forEach(visitBlock);
      case "bulletList":
      case "orderedList":
        return block.content.forEach((item) => item.content.forEach(visitBlock));
      case "image":
        return;
    }
  };
  doc.content.forEach(visitBlock);
  return keys;
}

/** Media item ids of the document's images, in document order, each once. */
export function imageMediaIds(doc: DocumentJson): string[] {
  const ids: string[] = [];
  const visit = (block: BlockNode): void => {
    if (block.type === "image") ids.push(block.attrs.mediaId);
    else if (block.type === "blockquote") block.content.forEach(visit);
    else if (block.type === "bulletList" || block.type === "orderedList")
      block.content.forEach((item) => item.content.forEach(visit));
  };
  doc.content.forEach(visit);
  return [...new Set(ids)];
}

/** Where each key is cited: the top-level block index and a short excerpt of that block. */
export function citationLocations(doc: DocumentJson, key: string): Array<{ blockIndex: number; excerpt: string }> {
  const out: Array<{ blockIndex: number; excerpt: string }> = [];
  doc.content.forEach((block, blockIndex) => {
    const count = citationKeys({ type: "doc", content: [block] }).filter((k) => k === key).length;
    if (count === 0) return;
    const text = blockText(block).replace(/\s+/g, " ").trim();
    const excerpt = text.length > 120 ? `${text.slice(0, 117)}…` : text;
    for (let i = 0; i < count; i++) out.push({ blockIndex, excerpt });
  });
  return out;
}
