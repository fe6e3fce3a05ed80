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
import { REFERENCE_HEADING } from "../content/document-blocks";
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
import { parseReferenceItem, type ReferenceItemSource } from "./parse-reference-item";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportedReference extends ReferenceData {
  key: string;
}

/** An image found in the imported page. Listed for the writer to upload or pick from the media library; its
 *  address is never fetched by the server (it may be anywhere, or point at an internal service). */
export interface ImportedImage {
  /** The address as written (data: URIs are not kept, only noted). */
  src: string;
  alt: string;
}

export const MAX_LISTED_IMAGES = 100;

export interface ImportResult {
  title: string;
  doc: DocumentJson;
  references: ImportedReference[];
  warnings: string[];
  images: ImportedImage[];
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

// During the walk a citation marker is kept as a pending node until the reference list is known.
type PendingCitation = { type: "pendingCitation"; n: number; text: string; marks?: Mark[] };
type WorkInline = InlineNode | PendingCitation;
type WorkBlock =
  | { type: "paragraph"; content: WorkInline[] }
  | { type: "heading"; level: number; content: WorkInline[] }
  | { type: "blockquote"; content: WorkBlock[] }
  | { type: "bulletList" | "orderedList"; start?: number; items: WorkBlock[][] };

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

function withMark(marks: Mark[], mark: Mark): Mark[] {
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

const CITATION_TEXT = /^\s*\[?\s*(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\s*\]?\s*$/;

function citationNumbers(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(",")) {
    const [a, b] = part.split(/[-–]/).map((x) => Number(x.trim()));
    if (b !== undefined && b >= a && b - a <= 20) for (let i = a; i <= b; i++) out.push(i);
    else out.push(a);
  }
  return out.filter((n) => Number.isInteger(n) && n > 0);
}

function pushText(out: WorkInline[], text: string, marks: Mark[]) {
  if (!text) return;
  // Bracketed numbers in running text ("… necrosis [2, 3].") are citation markers on many publisher pages.
  const re = /\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\]/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last)
      out.push({ type: "text", text: text.slice(last, m.index), ...(marks.length ? { marks } : {}) });
    for (const n of citationNumbers(m[1]))
      out.push({ type: "pendingCitation", n, text: `[${n}]`, ...(marks.length ? { marks } : {}) });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ type: "text", text: text.slice(last), ...(marks.length ? { marks } : {}) });
}

function collectInline(node: Node, marks: Mark[], out: WorkInline[], ctx: Ctx) {
  if (node.nodeName === "#text") {
    pushText(out, (node as DefaultTreeAdapterMap["textNode"]).value.replace(/[\t\n\r\f ]+/g, " "), marks);
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName;
  if (DROP.has(tag) || attr(node, "hidden") !== undefined || attr(node, "aria-hidden") === "true") {
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
    const m = textOf(node).match(CITATION_TEXT);
    if (m) {
      for (const n of citationNumbers(m[1])) out.push({ type: "pendingCitation", n, text: `[${n}]` });
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
      for (const n of citationNumbers(m[1])) out.push({ type: "pendingCitation", n, text: `[${n}]` });
      return;
    }
    if (isSafeHttpUrl(href)) next = [...marks.filter((x) => x.type !== "link"), { type: "link", attrs: { href } }];
    else if (href && !href.startsWith("#"))
      warn(ctx, "Links that were not full http(s) addresses were kept as plain text.");
  }
  for (const child of node.childNodes) collectInline(child, next, out, ctx);
}

/** Merges neighbouring texts with equal marks and trims whitespace at the edges of a block and around breaks. */
function tidyInline(content: WorkInline[]): WorkInline[] {
  const merged: WorkInline[] = [];
  for (const node of content) {
    const prev = merged[merged.length - 1];
    if (
      node.type === "text" &&
      prev?.type === "text" &&
      JSON.stringify(prev.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      merged[merged.length - 1] = { ...prev, text: (prev.text + node.text).replace(/ {2,}/g, " ") };
    } else merged.push(node.type === "text" ? { ...node, text: node.text.replace(/ {2,}/g, " ") } : node);
  }
  for (let i = 0; i < merged.length; i++) {
    const node = merged[i];
    if (node.type !== "text") continue;
    let text = node.text;
    const prev = merged[i - 1];
    const next = merged[i + 1];
    if (!prev || prev.type === "hardBreak" || (prev.type === "text" && prev.text.endsWith(" ")))
      text = text.replace(/^ +/, "");
    if (!next || next.type === "hardBreak") text = text.replace(/ +$/, "");
    merged[i] = { ...node, text };
  }
  const out = merged.filter((n) => n.type !== "text" || n.text.length > 0);
  while (out.length && out[out.length - 1].type === "hardBreak") out.pop();
  while (out.length && out[0].type === "hardBreak") out.shift();
  return out;
}

function hasVisibleContent(content: WorkInline[]): boolean {
  return content.some((n) => n.type !== "hardBreak");
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
    if (DROP.has(tag) || attr(node, "hidden") !== undefined || attr(node, "aria-hidden") === "true") {
      if (tag === "script" || tag === "iframe" || tag === "object" || tag === "embed")
        warn(ctx, "Scripts, frames and embedded objects were removed.");
      continue;
    }
    if (tag in HEADINGS) {
      flush();
      const content = tidyInline(collect(node, ctx));
      if (!hasVisibleContent(content)) continue;
      const level = HEADINGS[tag];
      if (level === 1 && ctx.headingTitle === undefined) {
        ctx.headingTitle = content
          .map((n) => (n.type === "text" ? n.text : ""))
          .join("")
          .trim();
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
      const inner = nested(ctx, () => collectBlocks(node.childNodes, ctx));
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
    if (DROP.has(child.tagName)) continue;
    const content = nested(ctx, () => collectBlocks(child.tagName === "li" ? child.childNodes : [child], ctx));
    if (!content.length) continue;
    // A list directly inside a list (invalid but common) belongs to the previous item.
    if (
      child.tagName !== "li" &&
      items.length &&
      (content[0].type === "bulletList" || content[0].type === "orderedList")
    )
      items[items.length - 1].push(...content);
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

function plainText(content: WorkInline[]): string {
  return content
    .map((n) =>
      n.type === "text" ? n.text : n.type === "hardBreak" ? " " : n.type === "pendingCitation" ? n.text : "",
    )
    .join("");
}

function itemSource(blocks: WorkBlock[]): ReferenceItemSource {
  const texts: string[] = [];
  const hrefs: string[] = [];
  const visit = (b: WorkBlock) => {
    if (b.type === "paragraph" || b.type === "heading") {
      texts.push(plainText(b.content));
      for (const n of b.content)
        for (const m of ("marks" in n ? n.marks : undefined) ?? []) if (m.type === "link") hrefs.push(m.attrs.href);
    } else if (b.type === "blockquote") b.content.forEach(visit);
    else b.items.forEach((i) => i.forEach(visit));
  };
  blocks.forEach(visit);
  return { text: texts.join(" "), hrefs };
}

const NUMBERED_ITEM = /^\s*\[?(\d{1,3})[.\])]\s+/;

/**
 * Does this text read like one reference (rather than ordinary prose)? Identifiers, a year in a citation
 * position, "et al", "Accessed", journal volume/pages, or a web address: at least one strong sign.
 */
export function looksLikeReference(text: string, hrefs: string[] = []): boolean {
  const t = text.trim();
  if (t.length < 12 || t.length > 1500) return false;
  if (/\b10\.\d{4,9}\/\S+|\bPMID:?\s*\d+|\bPMC\d+/i.test(t)) return true;
  if (
    /\bet al\b|\b(?:accessed|retrieved)\b[^.]{0,30}\d{4}|\b(?:19|20)\d{2}\s*;\s*\d+|\(\s*(?:19|20)\d{2}[a-z]?\s*\)/i.test(
      t,
    )
  )
    return true;
  if (/https?:\/\/\S+/.test(t) || hrefs.some((h) => /^https?:\/\//i.test(h))) return true;
  return false;
}

function isListBlock(b: WorkBlock): b is Extract<WorkBlock, { items: WorkBlock[][] }> {
  return b.type === "orderedList" || b.type === "bulletList";
}

/**
 * Where the reference list starts: after a heading (or a paragraph standing alone as a label, such as
 * "<p><strong>Sources</strong></p>") named References/Sources/…, else the trailing run of blocks that read
 * like references (numbered paragraphs "[1]"/"1."/"1)", or a final list whose items mostly look like
 * references). Returns [first block of the list, index of the label to drop or -1].
 */
function findReferenceTail(blocks: WorkBlock[]): { start: number; label: number } | null {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    const labelText = b.type === "heading" || b.type === "paragraph" ? plainText(b.content).trim() : null;
    if (labelText !== null && REFERENCE_HEADING.test(labelText)) return { start: i + 1, label: i };
    if (b.type === "heading") break;
  }
  // No label: a trailing run of reference-like blocks.
  let start = blocks.length;
  let count = 0;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (b.type === "paragraph") {
      const src = itemSource([b]);
      if (!looksLikeReference(src.text, src.hrefs)) break;
      start = i;
      count++;
    } else if (isListBlock(b)) {
      const refs = b.items.filter((item) => {
        const src = itemSource(item);
        return looksLikeReference(src.text, src.hrefs);
      }).length;
      if (b.items.length === 0 || refs / b.items.length < 0.6) break;
      start = i;
      count += refs;
    } else break;
  }
  // Two references at least, and numbered paragraphs must really be numbered (not one stray link).
  if (count < 2) return null;
  const first = blocks[start];
  if (first.type === "paragraph" && !NUMBERED_ITEM.test(plainText(first.content))) {
    const numbered = blocks
      .slice(start)
      .filter((b) => b.type === "paragraph" && NUMBERED_ITEM.test(plainText(b.content)));
    if (numbered.length < 2) return null;
    start = blocks.indexOf(numbered[0]);
  }
  return { start, label: -1 };
}

/**
 * Finds the trailing reference list (with or without a heading) and turns its items into structured references
 * (removed from the body).
 */
function extractReferences(
  blocks: WorkBlock[],
  ctx: Ctx,
): { body: WorkBlock[]; references: ImportedReference[]; numberToKey: Map<number, string> } {
  const numberToKey = new Map<number, string>();
  const found = findReferenceTail(blocks);
  if (!found) return { body: blocks, references: [], numberToKey };
  const tail = blocks.slice(found.start);
  const items: Array<{ n: number | null; source: ReferenceItemSource }> = [];
  let counter = 1;
  for (const b of tail) {
    if (b.type === "orderedList" || b.type === "bulletList") {
      if (b.type === "orderedList" && b.start !== undefined) counter = b.start;
      for (const item of b.items) {
        const src = itemSource(item);
        const m = src.text.match(NUMBERED_ITEM);
        if (m) items.push({ n: Number(m[1]), source: { ...src, text: src.text.replace(NUMBERED_ITEM, "") } });
        else items.push({ n: counter++, source: src });
      }
    } else if (b.type === "paragraph") {
      const text = plainText(b.content).trim();
      // "1. Smith J …", "[1] Smith J …" or "1) Smith J …" paragraphs are numbered references too.
      const m = text.match(NUMBERED_ITEM);
      const src = itemSource([b]);
      if (m) items.push({ n: Number(m[1]), source: { ...src, text: src.text.replace(NUMBERED_ITEM, "") } });
      else items.push({ n: counter++, source: src });
    }
  }
  const taken = new Set<string>();
  const references: ImportedReference[] = [];
  for (const { n, source } of items) {
    if (!source.text.trim()) continue;
    const { data, warnings } = parseReferenceItem(source);
    warnings.forEach((w) => warn(ctx, w));
    const key = uniqueReferenceKey(baseReferenceKey(data.authors, data.year, data.title), taken);
    taken.add(key);
    references.push({ ...data, key });
    if (n !== null && !numberToKey.has(n)) numberToKey.set(n, key);
  }
  return { body: blocks.slice(0, found.label >= 0 ? found.label : found.start), references, numberToKey };
}

function finishInline(content: WorkInline[], numberToKey: Map<number, string>, ctx: Ctx): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of content) {
    if (node.type !== "pendingCitation") {
      out.push(node);
      continue;
    }
    const key = numberToKey.get(node.n);
    if (key) out.push({ type: "citation", attrs: { refKey: key } });
    else {
      if (numberToKey.size)
        warn(ctx, "Some citation numbers did not match an item of the reference list and were kept as text.");
      out.push({ type: "text", text: node.text, ...(node.marks ? { marks: node.marks } : {}) });
    }
  }
  return tidyInline(out) as InlineNode[];
}

function finishBlock(b: WorkBlock, map: Map<number, string>, ctx: Ctx): BlockNode {
  switch (b.type) {
    case "paragraph":
      return { type: "paragraph", content: finishInline(b.content, map, ctx) };
    case "heading":
      return { type: "heading", attrs: { level: b.level as 2 | 3 | 4 }, content: finishInline(b.content, map, ctx) };
    case "blockquote":
      return { type: "blockquote", content: b.content.map((x) => finishBlock(x, map, ctx)) };
    case "bulletList":
    case "orderedList": {
      const content: ListItemNode[] = b.items.map((item) => ({
        type: "listItem",
        content: item.map((x) => finishBlock(x, map, ctx)),
      }));
      return b.type === "orderedList"
        ? { type: "orderedList", ...(b.start !== undefined ? { attrs: { start: b.start } } : {}), content }
        : { type: "bulletList", content };
    }
  }
}

export function htmlToDocument(html: string): ImportResult {
  const ctx: Ctx = { warnings: new Map(), images: [], depth: 0 };
  const { root, pageTitle } = contentRoot(parse(html));
  const blocks = root ? collectBlocks(root.childNodes, ctx) : [];
  const { body, references, numberToKey } = extractReferences(blocks, ctx);
  const content = body
    .map((b) => finishBlock(b, numberToKey, ctx))
    .filter((b) => b.type !== "paragraph" || (b.content?.length ?? 0) > 0);
  const doc = parseDocument({ type: "doc", content: content.length ? content : [{ type: "paragraph" }] });
  const title = (ctx.headingTitle || pageTitle).replace(/\s+/g, " ").trim().slice(0, 200);
  const warnings = [...ctx.warnings].map(([message, count]) => (count > 1 ? `${message} (${count}×)` : message));
  return { title, doc, references, warnings, images: ctx.images };
}
