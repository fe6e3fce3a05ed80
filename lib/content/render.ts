// The one server renderer of article bodies: Tiptap JSON → HTML, used for the frozen Revision.bodyHtml, the
// public page and the editor's preview, so citation numbers are the same everywhere.
//
// Safety: input is first re-validated by the allowlist (parseDocument), every text and attribute value is
// HTML-escaped, links are only http(s) and carry rel="nofollow noopener". Nothing from the document is ever
// emitted as raw markup.
//
// Numbering: references are numbered in order of first citation in the body. References that are never cited
// come after the cited ones, in their stored order, and are numbered too (continuing the sequence), so the
// reference list is one continuous <ol> whose numbers match the superscripts. A citation whose key matches no
// reference renders as a visible "[?]" marker (the content checks report it; the publish gate refuses it).
import {
  parseDocument,
  isSafeHttpUrl,
  type BlockNode,
  type DocumentJson,
  type InlineNode,
  type Mark,
} from "./document-schema";
import type { ReferenceSnapshot } from "./reference-snapshot";
import { citationKeys } from "./text";
import { renderImageFigure, type ImageSnapshot } from "./image-snapshot";

export interface NumberedReference extends ReferenceSnapshot {
  number: number;
  /** How many times the body cites it (0 for uncited references). */
  citedCount: number;
}

export interface RenderResult {
  /** The whole body: the blocks joined by newlines. */
  html: string;
  /** Each top-level block's HTML, numbered as in the whole document (the review screen anchors comments to them). */
  blocks: string[];
  orderedReferences: NumberedReference[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Orders references by first citation (uncited after, in given order) and numbers them 1…n. */
export function orderReferences(doc: DocumentJson, references: ReferenceSnapshot[]): NumberedReference[] {
  const byKey = new Map(references.map((r) => [r.key, r]));
  const counts = new Map<string, number>();
  const order: string[] = [];
  for (const key of citationKeys(doc)) {
    if (!byKey.has(key)) continue;
    if (!counts.has(key)) order.push(key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const r of references) if (!counts.has(r.key)) order.push(r.key);
  return order.map((key, i) => ({ ...byKey.get(key)!, number: i + 1, citedCount: counts.get(key) ?? 0 }));
}

function wrapMarks(inner: string, marks: Mark[] | undefined): string {
  if (!marks?.length) return inner;
  // Fixed nesting (link outermost) so the same content always produces the same HTML.
  let html = inner;
  if (marks.some((m) => m.type === "italic")) html = `<em>${html}</em>`;
  if (marks.some((m) => m.type === "bold")) html = `<strong>${html}</strong>`;
  const link = marks.find((m): m is Extract<Mark, { type: "link" }> => m.type === "link");
  if (link && isSafeHttpUrl(link.attrs.href)) {
    const title = link.attrs.title ? ` title="${escapeHtml(link.attrs.title)}"` : "";
    html = `<a href="${escapeHtml(link.attrs.href)}" rel="nofollow noopener"${title}>${html}</a>`;
  }
  return html;
}

interface Ctx {
  numbers: Map<string, number>;
  seen: Map<string, number>;
  images: Map<string, ImageSnapshot>;
  imagesRendered: number;
}

function renderInline(content: InlineNode[] | undefined, ctx: Ctx): string {
  let html = "";
  for (const node of content ?? []) {
    if (node.type === "text") html += wrapMarks(escapeHtml(node.text), node.marks);
    else if (node.type === "hardBreak") html += "<br>";
    else {
      const n = ctx.numbers.get(node.attrs.refKey);
      if (n === undefined) {
        html += `<sup class="citation citation-missing" title="Missing reference">[?]</sup>`;
        continue;
      }
      const k = (ctx.seen.get(node.attrs.refKey) ?? 0) + 1;
      ctx.seen.set(node.attrs.refKey, k);
      html += `<sup class="citation"><a href="#ref-${n}" id="cite-${n}-${k}">${n}</a></sup>`;
    }
  }
  return html;
}

function renderBlock(block: BlockNode, ctx: Ctx): string {
  switch (block.type) {
    case "paragraph":
      return `<p>${renderInline(block.content, ctx)}</p>`;
    case "heading":
      return `<h${block.attrs.level}>${renderInline(block.content, ctx)}</h${block.attrs.level}>`;
    case "blockquote":
      return `<blockquote>${block.content.map((b) => renderBlock(b, ctx)).join("")}</blockquote>`;
    case "bulletList":
      return `<ul>${block.content.map((item) => `<li>${item.content.map((b) => renderBlock(b, ctx)).join("")}</li>`).join("")}</ul>`;
    case "orderedList": {
      const start = block.attrs?.start;
      const startAttr = start !== undefined && start !== 1 ? ` start="${start}"` : "";
      return `<ol${startAttr}>${block.content.map((item) => `<li>${item.content.map((b) => renderBlock(b, ctx)).join("")}</li>`).join("")}</ol>`;
    }
    case "image":
      return renderImageFigure(ctx.images.get(block.attrs.mediaId), { eager: ctx.imagesRendered++ === 0 });
  }
}

/**
 * Renders a body (validated again here, so callers cannot bypass the allowlist) and returns the HTML and the
 * references in display order with their numbers. Image nodes render from `images` (the revision's frozen
 * image records, or the draft's current ones for a preview); an image missing there shows a placeholder.
 */
export function renderDocument(
  doc: unknown,
  references: ReferenceSnapshot[],
  images: readonly ImageSnapshot[] = [],
): RenderResult {
  const parsed = parseDocument(doc);
  const orderedReferences = orderReferences(parsed, references);
  const ctx: Ctx = {
    numbers: new Map(orderedReferences.map((r) => [r.key, r.number])),
    seen: new Map(),
    images: new Map(images.map((i) => [i.mediaId, i])),
    imagesRendered: 0,
  };
  const blocks = parsed.content.map((b) => renderBlock(b, ctx));
  return { html: blocks.join("\n"), blocks, orderedReferences };
}

function safeLink(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" rel="nofollow noopener">${escapeHtml(label)}</a>`;
}

function formatAccessed(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** One reference's citation text with its links (URL, https://doi.org/DOI, PubMed for a PMID). */
export function renderReferenceBody(r: ReferenceSnapshot): string {
  const parts: string[] = [];
  if (r.authors.trim()) parts.push(`<span class="ref-authors">${escapeHtml(r.authors.trim())}</span>.`);
  parts.push(`<span class="ref-title">${escapeHtml(r.title)}</span>.`);
  if (r.containerTitle.trim()) parts.push(`<cite class="ref-container">${escapeHtml(r.containerTitle.trim())}</cite>.`);
  if (r.year != null) parts.push(`<span class="ref-year">${r.year}</span>.`);
  const links: string[] = [];
  if (r.url && isSafeHttpUrl(r.url)) links.push(safeLink(r.url, r.url));
  if (r.doi) links.push(safeLink(`https://doi.org/${encodeURI(r.doi)}`, `doi:${r.doi}`));
  if (r.pmid && /^\d+$/.test(r.pmid))
    links.push(safeLink(`https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`, `PMID: ${r.pmid}`));
  if (links.length) parts.push(links.join(" "));
  if (r.accessedAt) {
    const when = formatAccessed(r.accessedAt);
    if (when) parts.push(`<span class="ref-accessed">Accessed ${escapeHtml(when)}.</span>`);
  }
  if (r.peerReviewed) parts.push(`<span class="ref-peer-reviewed">Peer-reviewed.</span>`);
  return parts.join(" ");
}

/**
 * The numbered reference list. Each item has id="ref-N" (the target of the superscripts). `formatted` holds
 * entries already written in the article's citation style (lib/references/format-references.ts), by key.
 */
export function renderReferenceList(ordered: NumberedReference[], formatted: Record<string, string> = {}): string {
  if (!ordered.length) return "";
  const items = ordered.map(
    (r) =>
      `<li id="ref-${r.number}" value="${r.number}">${Object.hasOwn(formatted, r.key) ? formatted[r.key] : renderReferenceBody(r)}</li>`,
  );
  return `<ol class="references">${items.join("\n")}</ol>`;
}
