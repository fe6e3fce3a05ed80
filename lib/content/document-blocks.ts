// The walker of an article body (Tiptap/ProseMirror JSON): a flat, ordered view of its text blocks for the
// checks and for plagiarism text extraction. Typed loosely on purpose: the checks must also read stored
// revisions written before the body allowlist changed, and must never throw on a shape they do not know.

export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

export interface TextBlock {
  /** Index of the top-level block this text block is in (what review comments anchor to). */
  blockIndex: number;
  /** Child indexes from the document root to this block: lets the editor map a finding to a position. */
  path: number[];
  type: "heading" | "paragraph";
  /** Heading level (2–4) for headings. */
  level?: number;
  /** Plain text; citations appear as nothing, hard breaks as a space. */
  text: string;
  /** Inside a blockquote (a quotation: not the writer's own words). */
  inQuote: boolean;
  /** Inside a list item, and the nesting depth of lists. */
  listDepth: number;
  /** Ref keys of citation nodes in this block, in order. */
  citations: string[];
  /** Offset in `text` where each citation stands (same order as `citations`). */
  citationOffsets?: number[];
  /** Link targets (href) of link marks in this block. */
  links: string[];
  /** Index in the flat block list of the list that directly follows this block, if any (see lead-in rule). */
  followedByList: boolean;
}

export function parseBody(body: unknown): PmNode {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return { type: "doc", content: [] };
    }
  }
  if (!value || typeof value !== "object" || !Array.isArray((value as PmNode).content))
    return { type: "doc", content: [] };
  return value as PmNode;
}

export function inlineText(node: PmNode): {
  text: string;
  citations: string[];
  citationOffsets: number[];
  links: string[];
} {
  let text = "";
  const citations: string[] = [];
  const citationOffsets: number[] = [];
  const links: string[] = [];
  for (const child of node.content ?? []) {
    if (child.type === "text" && typeof child.text === "string") {
      text += child.text;
      for (const m of child.marks ?? [])
        if (m.type === "link" && typeof m.attrs?.href === "string" && links[links.length - 1] !== m.attrs.href)
          links.push(m.attrs.href);
    } else if (child.type === "hardBreak") text += HARD_BREAK_TEXT;
    else if (child.type === "citation" && typeof child.attrs?.refKey === "string") {
      citations.push(child.attrs.refKey);
      citationOffsets.push(text.length);
    }
  }
  return { text, citations, citationOffsets, links };
}

/** Every paragraph and heading in document order, with where it sits. */
export function textBlocks(doc: PmNode): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (node: PmNode, path: number[], inQuote: boolean, listDepth: number) => {
    const children = node.content ?? [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!child || typeof child !== "object") continue;
      const p = [...path, i];
      if (child.type === "paragraph" || child.type === "heading") {
        const { text, citations, citationOffsets, links } = inlineText(child);
        const next = children[i + 1];
        out.push({
          blockIndex: p[0],
          path: p,
          type: child.type,
          level: child.type === "heading" ? Number(child.attrs?.level ?? 2) : undefined,
          text,
          inQuote,
          listDepth,
          citations,
          citationOffsets,
          links,
          followedByList: !!next && (next.type === "bulletList" || next.type === "orderedList"),
        });
      } else if (Array.isArray(child.content)) {
        const isList = child.type === "bulletList" || child.type === "orderedList";
        walk(child, p, inQuote || child.type === "blockquote", listDepth + (isList ? 1 : 0));
      }
    }
  };
  walk(doc, [], false, 0);
  return out;
}

/** A short excerpt for messages and locations. */
export function excerpt(text: string, max = 80): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}

/**
 * A heading (or label paragraph) that opens a reference list: in a writer's body (the checks and the plagiarism
 * text leave what follows out) and in imported pages (the importer turns what follows into references). The names
 * health pages use, also in Spanish, German, French, Italian, Portuguese and Dutch ("Referencias", "Quellen",
 * "Références"…), with an optional count or a "Show"/"Article" in front ("Show references", "Article sources").
 */
export const REFERENCE_HEADING =
  /^\s*(?:(?:show|view|hide|see|all|article|our|selected|key)\s+)?(?:references?|sources?|source list|bibliography|citations?|works cited|literature cited|reference list|notes and references|references and (?:notes|sources|further reading)|sources and (?:references|further reading)|further reading(?: and (?:references|sources))?|(?:additional |more |helpful |useful |other )?resources|how we reviewed this article:?(?:\s*sources)?|referencias(?: bibliográficas)?|bibliografía|fuentes(?: consultadas| y referencias)?|quellen(?:angaben)?|literatur(?:verzeichnis|angaben|hinweise)?|weiterführende literatur|références(?: bibliographiques)?|bibliographie|sources et références|bibliografia|fonti|riferimenti(?: bibliografici)?|referências(?: bibliográficas)?|fontes|bronnen|literatuur|referenties)\s*(?:\(\d+\))?\s*:?\s*$/i;

/** How a hard line break reads as text, for every walker of the document. */
export const HARD_BREAK_TEXT = " ";
