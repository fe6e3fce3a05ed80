// Imports an existing article (publisher HTML, or Markdown rendered to HTML) into our document model.
//
// Why parse5: it builds the same tree a browser builds from the same markup (WHATWG parsing, implicit end
// tags, misnested formatting), so headings and lists come out as the publisher's readers saw them; it is pure
// JS, maintained, and has no dependencies besides `entities`. Hand-written regex parsing would get unclosed
// <p>/<li> and nested lists wrong.
//
// Safety is by construction: the walker is an allowlist. Only the structures of our schema are produced;
// everything else is either unwrapped to its text (spans, divs, sections…) or dropped with its contents
// (script, style, iframe, forms, embeds, nav…). Attributes are never copied except link hrefs that pass the
// http(s) check. The result is finally run through parseDocument like any other body.
//
// The page's sources become structured references (find-sources.ts says where they are and what each entry
// is; parse-reference-item.ts reads one entry), and the citation markers in the text become citation nodes
// (citation-markers.ts). The result says what was done, for the writer to check.
import { parse, type DefaultTreeAdapterMap } from "parse5";
import {
  parseDocument,
  isSafeHttpUrl,
  type BlockNode,
  type DocumentJson,
  type InlineNode,
  type ListItemNode,
  type Mark,
} from "../content/document-schema";
import type { ReferenceData } from "../references/reference-schema";
import { baseReferenceKey, uniqueReferenceKey } from "../references/reference-key";
import { parseReferenceItem } from "./parse-reference-item";
import { splitAuthorDate, splitMarkers, supMarker, toSuperscript, citationNumbers } from "./citation-markers";
import { findSources, isSourceLabel } from "./find-sources";
import { isListBlock, plainText, type WorkBlock, type WorkInline } from "./work-blocks";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportedReference extends ReferenceData {
  key: string;
  /** Set when the entry could not be read as a full citation; the writer completes it (reference panel). */
  needsDetails: boolean;
  /** The entry as the page showed it, kept so the writer can check the fields read from it. */
  importedText: string;
}

/** An image found in the imported page. Listed for the writer to upload or pick from the media library; its
 *  address is never fetched by the server (it may be anywhere, or point at an internal service). */
export interface ImportedImage {
  /** The address as written (data: URIs are not kept, only noted). */
  src: string;
  alt: string;
}

export const MAX_LISTED_IMAGES = 100;

/** What the importer did with the page's sources, told to the writer after the import. */
export interface ImportSummary {
  /** References made from the page's source entries. */
  references: number;
  /** Of those, how many need the writer to complete or check them. */
  needDetails: number;
  /** Citation markers in the text ("[2]", "(2)", superscripts, author–date) now pointing at a reference. */
  citationsLinked: number;
  /** Markers that pointed at no entry, kept as text. */
  markersKeptAsText: number;
  /** Entries whose publisher and title had run together, and how they were split (offered to the writer). */
  splits: Array<{ entry: string; publisher: string; title: string }>;
  /** Labels of the source sections ("References", "Sources:"), or "no heading". */
  sections: string[];
  /** Paragraphs of a source section that were not sources (a publisher's note), left out. */
  leftOut: string[];
}

export interface ImportResult {
  title: string;
  doc: DocumentJson;
  references: ImportedReference[];
  warnings: string[];
  images: ImportedImage[];
  summary: ImportSummary;
}

const DROP = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "noscript",
  "template",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "source",
  "track",
  "picture",
  "form",
  "input",
  "button",
  "select",
  "option",
  "textarea",
  "label",
  "nav",
  "aside",
  "footer",
  "head",
  "title",
  "meta",
  "link",
  "base",
  "dialog",
  "map",
  "applet",
  "portal",
]);
const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCK_CONTAINERS = new Set([
  "div",
  "section",
  "article",
  "main",
  "header",
  "body",
  "html",
  "figure",
  "figcaption",
  "details",
  "summary",
  "center",
  "address",
  "hgroup",
  "dl",
  "dd",
  "dt",
  "fieldset",
  "caption",
]);
const MAX_NESTING = 8;

// ARIA landmarks that are navigation or page chrome, dropped like <nav>, <aside> and <footer>.
const DROP_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"]);
// Containers that say what they hold: a source list (class "references", "footnotes", role doc-bibliography),
// or links that are not sources (class "related", "see-also", "share", "breadcrumb").
const SOURCES_CLASS =
  /^(?:[\w]+[-_])*(?:references?|refs|footnotes?|citations?|sources?|bibliography|endnotes|reflist|ref-list)(?:[-_](?:list|section|block|container|wrapper|content))?$/i;
const NOT_SOURCES_CLASS =
  /^(?:[\w]+[-_])*(?:related|see-?also|share|sharing|social|breadcrumbs?|toc|table-of-contents|newsletter|promo|tags|more-from|read-next)(?:[-_][\w]+)*$/i;

interface Ctx {
  warnings: Map<string, number>;
  images: ImportedImage[];
  depth: number;
  headingTitle?: string;
}

function warn(ctx: Ctx, message: string) {
  ctx.warnings.set(message, (ctx.warnings.get(message) ?? 0) + 1);
}

const isElement = (n: Node): n is Element => "tagName" in n;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  if (isElement(node) && DROP.has(node.tagName)) return "";
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

function isDropped(el: Element): boolean {
  return (
    DROP.has(el.tagName) ||
    attr(el, "hidden") !== undefined ||
    attr(el, "aria-hidden") === "true" ||
    DROP_ROLES.has((attr(el, "role") ?? "").trim().toLowerCase())
  );
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

const CITATION_TEXT = /^\s*\[?\s*(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\s*\]?\s*$/;

function pushText(out: WorkInline[], text: string, marks: Mark[]) {
  if (!text) return;
  const withMarks = marks.length ? { marks } : {};
  for (const piece of splitMarkers(text)) {
    if (typeof piece === "string") out.push({ type: "text", text: piece, ...withMarks });
    else out.push({ type: "pendingCitation", ns: piece.ns, text: piece.text, ...withMarks });
  }
}

function lastText(out: WorkInline[]): string {
  for (let i = out.length - 1; i >= 0; i--) {
    const n = out[i];
    if (n.type === "text") return n.text;
    if (n.type !== "seam") return "";
  }
  return "";
}

function collectInline(node: Node, marks: Mark[], out: WorkInline[], ctx: Ctx) {
  if (node.nodeName === "#text") {
    pushText(out, (node as DefaultTreeAdapterMap["textNode"]).value.replace(/[\t\n\r\f ]+/g, " "), marks);
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName;
  if (isDropped(node)) {
    if (tag === "script" || tag === "iframe" || tag === "object" || tag === "embed")
      warn(ctx, "Scripts, frames and embedded objects were removed.");
    return;
  }
  if (tag === "img") {
    warn(ctx, "Images are not imported: upload them or pick them from the media library (listed below).");
    const src = (attr(node, "src") ?? "").trim();
    if (ctx.images.length < MAX_LISTED_IMAGES)
      ctx.images.push({
        src: src.startsWith("data:") ? "(image embedded in the page)" : src.slice(0, 500),
        alt: (attr(node, "alt") ?? "").replace(/\s+/g, " ").trim().slice(0, 300),
      });
    return;
  }
  if (tag === "br") {
    out.push({ type: "hardBreak" });
    return;
  }
  if (tag === "sup") {
    const text = textOf(node).trim();
    const ns = supMarker(text, lastText(out));
    if (ns) {
      out.push({ type: "pendingCitation", ns, text: toSuperscript(text) });
      return;
    }
    // An exponent or a unit ("kg/m²", "10⁹/L"): the schema has no superscript mark, the digit itself keeps it.
    if (/^\d{1,3}$/.test(text)) {
      pushText(out, toSuperscript(text), marks);
      return;
    }
  }
  let next = marks;
  if (tag === "strong" || tag === "b") next = withMark(marks, { type: "bold" });
  else if (tag === "em" || tag === "i" || tag === "cite" || tag === "dfn") next = withMark(marks, { type: "italic" });
  else if (tag === "a") {
    const href = (attr(node, "href") ?? "").trim();
    const m = textOf(node).match(CITATION_TEXT);
    if (href.startsWith("#") && m) {
      const ns = citationNumbers(m[1]);
      if (ns.length) {
        out.push({ type: "pendingCitation", ns, text: textOf(node).trim() });
        return;
      }
    }
    if (isSafeHttpUrl(href)) next = [...marks.filter((x) => x.type !== "link"), { type: "link", attrs: { href } }];
    else if (href && !href.startsWith("#"))
      warn(ctx, "Links that were not full http(s) addresses were kept as plain text.");
  }
  // Where this element starts and ends: "<span>Mayo Clinic</span><span>Calcium deposits</span>" read as text
  // runs together, and the seam is how the source reader tells publisher from title.
  out.push({ type: "seam" });
  for (const child of node.childNodes) collectInline(child, next, out, ctx);
  out.push({ type: "seam" });
}

/**
 * Merges neighbouring texts with equal marks and trims whitespace at the edges of a block and around breaks.
 * Seams separate texts (they are dropped, and the texts merged, when the document is finished).
 */
function tidyInline(content: WorkInline[]): WorkInline[] {
  const merged: WorkInline[] = [];
  for (const node of content) {
    const prev = merged[merged.length - 1];
    if (node.type === "seam" && prev?.type === "seam") continue;
    if (
      node.type === "text" &&
      prev?.type === "text" &&
      JSON.stringify(prev.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      merged[merged.length - 1] = { ...prev, text: (prev.text + node.text).replace(/ {2,}/g, " ") };
    } else merged.push(node.type === "text" ? { ...node, text: node.text.replace(/ {2,}/g, " ") } : node);
  }
  const neighbour = (i: number, step: 1 | -1) => {
    for (let j = i + step; j >= 0 && j < merged.length; j += step) if (merged[j].type !== "seam") return merged[j];
    return undefined;
  };
  for (let i = 0; i < merged.length; i++) {
    const node = merged[i];
    if (node.type !== "text") continue;
    let text = node.text;
    const prev = neighbour(i, -1);
    const next = neighbour(i, 1);
    if (!prev || prev.type === "hardBreak" || (prev.type === "text" && prev.text.endsWith(" ")))
      text = text.replace(/^ +/, "");
    if (!next || next.type === "hardBreak") text = text.replace(/ +$/, "");
    merged[i] = { ...node, text };
  }
  const out = merged.filter((n) => n.type !== "text" || n.text.length > 0);
  const edge = (n: WorkInline | undefined) => n?.type === "hardBreak" || n?.type === "seam";
  while (out.length && edge(out[out.length - 1])) out.pop();
  while (out.length && edge(out[0])) out.shift();
  return out;
}

function hasVisibleContent(content: WorkInline[]): boolean {
  return content.some((n) => n.type !== "hardBreak" && n.type !== "seam");
}

/** What a container says it holds, from its class, id or role; null when it says nothing we use. */
function containerHint(el: Element): "sources" | "notSources" | null {
  const role = (attr(el, "role") ?? "").toLowerCase();
  if (role === "doc-bibliography" || role === "doc-endnotes") return "sources";
  const tokens = `${attr(el, "class") ?? ""} ${attr(el, "id") ?? ""}`.split(/\s+/).filter(Boolean);
  if (attr(el, "data-footnotes") !== undefined) return "sources";
  if (tokens.some((t) => NOT_SOURCES_CLASS.test(t))) return "notSources";
  if (!tokens.some((t) => SOURCES_CLASS.test(t))) return null;
  // A container that also holds the article's sections ("<main class=has-references>") is not the list.
  const headings = ["h1", "h2", "h3"].flatMap((h) => findAll(el, h));
  return headings.every((h) => isSourceLabel(textOf(h))) ? "sources" : null;
}

function collectBlocks(nodes: Node[], ctx: Ctx): WorkBlock[] {
  const blocks: WorkBlock[] = [];
  let pending: WorkInline[] = [];
  const flush = () => {
    const content = tidyInline(pending);
    pending = [];
    if (hasVisibleContent(content)) blocks.push({ type: "paragraph", content });
  };

  for (const node of nodes) {
    if (!isElement(node)) {
      if (node.nodeName === "#text") collectInline(node, [], pending, ctx);
      continue;
    }
    const tag = node.tagName;
    if (isDropped(node)) {
      if (tag === "script" || tag === "iframe" || tag === "object" || tag === "embed")
        warn(ctx, "Scripts, frames and embedded objects were removed.");
      continue;
    }
    const hint = BLOCK_CONTAINERS.has(tag) || tag === "ol" || tag === "ul" ? containerHint(node) : null;
    if (hint) {
      flush();
      blocks.push({ type: "hint", hint });
      blocks.push(
        ...(tag === "ol" || tag === "ul"
          ? [collectList(node, ctx)].filter((b) => b !== null)
          : collectBlocks(node.childNodes, ctx)),
      );
      blocks.push({ type: "hint", hint: "end" });
      continue;
    }
    if (tag in HEADINGS) {
      flush();
      const content = tidyInline(collect(node, ctx));
      if (!hasVisibleContent(content)) continue;
      const level = HEADINGS[tag];
      if (level === 1 && ctx.headingTitle === undefined) {
        ctx.headingTitle = plainText(content).trim();
        continue;
      }
      blocks.push({ type: "heading", level: Math.min(4, Math.max(2, level)), content });
    } else if (tag === "p") {
      flush();
      const content = tidyInline(collect(node, ctx));
      if (hasVisibleContent(content)) blocks.push({ type: "paragraph", content });
    } else if (tag === "pre") {
      flush();
      const text = textOf(node).replace(/\r\n?/g, "\n").replace(/\n+$/, "");
      const content: WorkInline[] = [];
      text.split("\n").forEach((line, i) => {
        if (i) content.push({ type: "hardBreak" });
        if (line) content.push({ type: "text", text: line });
      });
      if (hasVisibleContent(content)) blocks.push({ type: "paragraph", content });
    } else if (tag === "ul" || tag === "ol" || tag === "menu") {
      flush();
      const list = collectList(node, ctx);
      if (list) blocks.push(list);
    } else if (tag === "blockquote") {
      flush();
      const inner = nested(ctx, () => collectBlocks(node.childNodes, ctx)).filter((b) => b.type !== "hint");
      if (inner.length) blocks.push(ctx.depth >= MAX_NESTING ? inner[0] : { type: "blockquote", content: inner });
    } else if (tag === "table") {
      flush();
      warn(ctx, "Tables were turned into one paragraph per row.");
      for (const row of findAll(node, "tr")) {
        const cells = row.childNodes.filter(
          (c): c is Element => isElement(c) && (c.tagName === "td" || c.tagName === "th"),
        );
        const content: WorkInline[] = [];
        cells.forEach((cell, i) => {
          if (i) content.push({ type: "text", text: " | " });
          for (const c of cell.childNodes)
            collectInline(c, cell.tagName === "th" ? [{ type: "bold" }] : [], content, ctx);
        });
        const tidy = tidyInline(content);
        if (hasVisibleContent(tidy)) blocks.push({ type: "paragraph", content: tidy });
      }
    } else if (tag === "hr") {
      flush();
    } else if (BLOCK_CONTAINERS.has(tag) || tag === "li") {
      flush();
      blocks.push(...collectBlocks(node.childNodes, ctx));
    } else {
      collectInline(node, [], pending, ctx);
    }
  }
  flush();
  return blocks;
}

function collect(el: Element, ctx: Ctx): WorkInline[] {
  const out: WorkInline[] = [];
  for (const child of el.childNodes) collectInline(child, [], out, ctx);
  return out;
}

function nested<T>(ctx: Ctx, fn: () => T): T {
  ctx.depth++;
  try {
    return fn();
  } finally {
    ctx.depth--;
  }
}

function collectList(el: Element, ctx: Ctx): WorkBlock | null {
  const items: WorkBlock[][] = [];
  for (const child of el.childNodes) {
    if (!isElement(child)) {
      if (child.nodeName === "#text" && textOf(child).trim())
        items.push([{ type: "paragraph", content: tidyInline([{ type: "text", text: textOf(child) }]) }]);
      continue;
    }
    if (isDropped(child)) continue;
    const content = nested(ctx, () =>
      collectBlocks(child.tagName === "li" ? child.childNodes : [child], ctx).filter((b) => b.type !== "hint"),
    );
    if (!content.length) continue;
    // A list directly inside a list (invalid but common) belongs to the previous item.
    if (child.tagName !== "li" && items.length && isListBlock(content[0])) items[items.length - 1].push(...content);
    else items.push(content);
  }
  if (!items.length) return null;
  if (ctx.depth >= MAX_NESTING)
    return {
      type: "paragraph",
      content: items
        .flat()
        .flatMap((b) => (b.type === "paragraph" ? [...b.content, { type: "text" as const, text: " " }] : [])),
    };
  const start = Number(attr(el, "start"));
  return el.tagName === "ol"
    ? { type: "orderedList", ...(Number.isInteger(start) && start !== 1 && start >= 0 ? { start } : {}), items }
    : { type: "bulletList", items };
}

function findAll(el: Element, tag: string): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if (!isElement(n)) return;
    if (n.tagName === tag) out.push(n);
    if (n.tagName === "table" && n !== el) return; // nested tables: their rows belong to them
    n.childNodes.forEach(visit);
  };
  el.childNodes.forEach(visit);
  return out;
}

/** The article's own content: the largest <article>, else <main>, else <body>. */
function contentRoot(docNode: DefaultTreeAdapterMap["document"]): { root: Element | null; pageTitle: string } {
  let body: Element | null = null;
  let main: Element | null = null;
  const articles: Element[] = [];
  let pageTitle = "";
  const visit = (n: Node) => {
    if (!isElement(n)) return;
    if (n.tagName === "title" && !pageTitle) pageTitle = textOf(n).trim();
    if (n.tagName === "body") body = n;
    if (n.tagName === "main" && !main) main = n;
    if (n.tagName === "article") articles.push(n);
    if (n.tagName === "script" || n.tagName === "style") return;
    n.childNodes.forEach(visit);
  };
  docNode.childNodes.forEach(visit);
  const article = articles.sort((a, b) => textOf(b).length - textOf(a).length)[0];
  return { root: article ?? main ?? body, pageTitle };
}

/** Numbers the text cites ("[2]", "(2)", <sup>2</sup>), not counting an entry's own label ("[1] Smith J…"). */
function citedNumbers(blocks: WorkBlock[]): Set<number> {
  const out = new Set<number>();
  const inline = (content: WorkInline[]) =>
    content.forEach((n, i) => {
      const label = content.slice(0, i).every((x) => x.type === "seam");
      if (n.type === "pendingCitation" && !label) n.ns.forEach((x) => out.add(x));
    });
  const visit = (b: WorkBlock) => {
    if (b.type === "paragraph" || b.type === "heading") inline(b.content);
    else if (b.type === "blockquote") b.content.forEach(visit);
    else if (isListBlock(b)) b.items.forEach((item) => item.forEach(visit));
  };
  blocks.forEach(visit);
  return out;
}

interface Finish {
  numberToKey: Map<number, string>;
  references: ImportedReference[];
  linked: number;
  keptAsText: number;
}

function finishInline(content: WorkInline[], f: Finish): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of content) {
    if (node.type === "seam") continue;
    if (node.type !== "pendingCitation") {
      out.push(node);
      continue;
    }
    const keys = node.ns.map((n) => f.numberToKey.get(n));
    if (keys.every(Boolean)) {
      for (const key of keys) out.push({ type: "citation", attrs: { refKey: key! } });
      f.linked += keys.length;
    } else {
      if (f.numberToKey.size) f.keptAsText++;
      out.push({ type: "text", text: node.text, ...(node.marks ? { marks: node.marks } : {}) });
    }
  }
  // Author–date citations ("(Camara & Whitfield, 2021)") resolve against the references' authors and years.
  const withAuthorDate: InlineNode[] = [];
  for (const node of tidyInline(out) as InlineNode[]) {
    if (node.type !== "text" || !f.references.length) {
      withAuthorDate.push(node);
      continue;
    }
    for (const piece of splitAuthorDate(node.text, f.references)) {
      if (typeof piece === "string") withAuthorDate.push({ ...node, text: piece });
      else {
        if (piece.keepText) withAuthorDate.push({ ...node, text: `${piece.keepText} ` });
        for (const key of piece.keys) withAuthorDate.push({ type: "citation", attrs: { refKey: key } });
        f.linked += piece.keys.length;
      }
    }
  }
  return tidyInline(withAuthorDate) as InlineNode[];
}

function finishBlock(b: Exclude<WorkBlock, { type: "hint" }>, f: Finish): BlockNode {
  switch (b.type) {
    case "paragraph":
      return { type: "paragraph", content: finishInline(b.content, f) };
    case "heading":
      return { type: "heading", attrs: { level: b.level as 2 | 3 | 4 }, content: finishInline(b.content, f) };
    case "blockquote":
      return { type: "blockquote", content: finishBlocks(b.content, f) };
    case "bulletList":
    case "orderedList": {
      const content: ListItemNode[] = b.items.map((item) => ({ type: "listItem", content: finishBlocks(item, f) }));
      return b.type === "orderedList"
        ? { type: "orderedList", ...(b.start !== undefined ? { attrs: { start: b.start } } : {}), content }
        : { type: "bulletList", content };
    }
  }
}

function finishBlocks(blocks: WorkBlock[], f: Finish): BlockNode[] {
  return blocks.flatMap((b) => (b.type === "hint" ? [] : [finishBlock(b, f)]));
}

/** Reads the source entries into references with keys; numbers the page gave them map to those keys. */
function referencesFrom(entries: ReturnType<typeof findSources>["entries"], ctx: Ctx) {
  const taken = new Set<string>();
  const references: ImportedReference[] = [];
  const numberToKey = new Map<number, string>();
  const splits: ImportSummary["splits"] = [];
  const implicit: Array<[number, string]> = [];
  for (const entry of entries) {
    const parsed = parseReferenceItem({ text: entry.text, hrefs: entry.hrefs });
    parsed.warnings.forEach((w) => warn(ctx, w));
    const { data } = parsed;
    const key = uniqueReferenceKey(baseReferenceKey(data.authors || data.containerTitle, data.year, data.title), taken);
    taken.add(key);
    const needsDetails = entry.unrecognised || parsed.needsDetails.length > 0;
    references.push({ ...data, key, needsDetails, importedText: parsed.text.slice(0, 2000) });
    if (parsed.split) splits.push({ entry: parsed.text, publisher: parsed.split.publisher, title: parsed.split.title });
    if (entry.n === null) continue;
    if (entry.explicit) {
      if (!numberToKey.has(entry.n)) numberToKey.set(entry.n, key);
    } else implicit.push([entry.n, key]);
  }
  // Bullets are numbered by counting only where the page numbers nothing itself.
  for (const [n, key] of implicit) if (!numberToKey.has(n)) numberToKey.set(n, key);
  return { references, numberToKey, splits };
}

export function htmlToDocument(html: string): ImportResult {
  const ctx: Ctx = { warnings: new Map(), images: [], depth: 0 };
  const { root, pageTitle } = contentRoot(parse(html));
  const blocks = root ? collectBlocks(root.childNodes, ctx) : [];
  const found = findSources(blocks, citedNumbers(blocks));
  const { references, numberToKey, splits } = referencesFrom(found.entries, ctx);
  const f: Finish = { numberToKey, references, linked: 0, keptAsText: 0 };
  const content = finishBlocks(found.body, f).filter((b) => b.type !== "paragraph" || (b.content?.length ?? 0) > 0);
  if (f.keptAsText)
    warn(ctx, "Some citation numbers did not match an item of the reference list and were kept as text.");
  for (const text of found.leftOut)
    warn(
      ctx,
      `Left out from the sources section (not a source): “${text.length > 90 ? `${text.slice(0, 89)}…` : text}”`,
    );
  const doc = parseDocument({ type: "doc", content: content.length ? content : [{ type: "paragraph" }] });
  const title = (ctx.headingTitle || pageTitle).replace(/\s+/g, " ").trim().slice(0, 200);
  const warnings = [...ctx.warnings].map(([message, count]) => (count > 1 ? `${message} (${count}×)` : message));
  const summary: ImportSummary = {
    references: references.length,
    needDetails: references.filter((r) => r.needsDetails).length,
    citationsLinked: f.linked,
    markersKeptAsText: f.keptAsText,
    splits,
    sections: found.sections,
    leftOut: found.leftOut,
  };
  return { title, doc, references, warnings, images: ctx.images, summary };
}
