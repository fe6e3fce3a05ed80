// The importer's intermediate form: the page's blocks as the walker found them, before the source list is taken
// out and citation markers are resolved to references. Shared by the walker (html-to-document.ts) and the
// source finder (find-sources.ts).
import type { InlineNode, Mark } from "../content/document-schema";
import { SEAM } from "./split-publisher-title";

/** A citation marker in the text ("[2]", "(2, 3)", <sup>2</sup>), kept until the source list is known. */
export type PendingCitation = {
  type: "pendingCitation";
  ns: number[];
  /** The marker as written, put back when it does not resolve to a source. */
  text: string;
  marks?: Mark[];
};
/** Where one inline element of the page met the next (publisher/title seams in source entries). */
export type Seam = { type: "seam" };
export type WorkInline = InlineNode | PendingCitation | Seam;

export type WorkBlock =
  | { type: "paragraph"; content: WorkInline[] }
  | { type: "heading"; level: number; content: WorkInline[] }
  | { type: "blockquote"; content: WorkBlock[] }
  | { type: "bulletList" | "orderedList"; start?: number; items: WorkBlock[][] }
  /** A container of the page said what it holds (class or role): a source list, or links that are not sources. */
  | { type: "hint"; hint: "sources" | "notSources" | "end" };

export type ListBlock = Extract<WorkBlock, { items: WorkBlock[][] }>;

export function isListBlock(b: WorkBlock): b is ListBlock {
  return b.type === "orderedList" || b.type === "bulletList";
}

/** The text of inline content as a reader sees it; markers as written; seams as SEAM when asked. */
export function plainText(content: WorkInline[], seams = false): string {
  return content
    .map((n) =>
      n.type === "text"
        ? n.text
        : n.type === "hardBreak"
          ? " "
          : n.type === "pendingCitation"
            ? n.text
            : n.type === "seam" && seams
              ? SEAM
              : "",
    )
    .join("");
}

export interface BlockText {
  /** Visible text (seams kept as SEAM). */
  text: string;
  hrefs: string[];
  /** Texts of the links inside, in order. */
  linkTexts: string[];
}

/** Text, link targets and link texts of some blocks (a list item, a paragraph). */
export function blockText(blocks: WorkBlock[]): BlockText {
  const texts: string[] = [];
  const hrefs: string[] = [];
  const linkTexts: string[] = [];
  const visit = (b: WorkBlock) => {
    if (b.type === "paragraph" || b.type === "heading") {
      texts.push(plainText(b.content, true));
      let current = null as { href: string; text: string } | null;
      for (const n of b.content) {
        const marks: Mark[] = ("marks" in n ? n.marks : undefined) ?? [];
        let href: string | null = null;
        for (const m of marks) if (m.type === "link") href = m.attrs.href;
        if (href && n.type === "text") {
          if (current?.href === href) current.text += n.text;
          else {
            if (current) linkTexts.push(current.text.trim());
            current = { href, text: n.text };
            hrefs.push(href);
          }
        } else if (n.type !== "seam" && current) {
          linkTexts.push(current.text.trim());
          current = null;
        }
      }
      if (current) linkTexts.push(current.text.trim());
    } else if (b.type === "blockquote") b.content.forEach(visit);
    else if (isListBlock(b)) b.items.forEach((i) => i.forEach(visit));
  };
  blocks.forEach(visit);
  return { text: texts.join(" "), hrefs: [...new Set(hrefs)], linkTexts };
}
