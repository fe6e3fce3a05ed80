// Formats references in an article's citation style with citation-js and the vendored CSL styles (./csl).
// The result is HTML for one reference list entry: the style's text (escaped by the CSL processor, with only
// its <i>/<b>/<sup>/<sub> kept), the reference's URL and DOI turned into links where the style prints them,
// and the identifiers the style leaves out (a PMID, often the DOI or URL) appended as links, as readers follow
// them. Numbering stays with the page (lib/content/render.ts): the style's own leading "1. " is dropped.
// Publishing formats once and stores the result (Publication.referencesHtml); readers' requests never run this.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { isSafeHttpUrl } from "../content/document-schema";
import type { ReferenceSnapshot } from "../content/reference-snapshot";
import { escapeHtml } from "../content/render";
import { CITATION_STYLES, type CitationStyle } from "./citation-styles";

/** The CSL files are read from the source tree (process.cwd() is the project root for the app and the tools). */
const CSL_DIR = path.join(process.cwd(), "lib", "references", "csl");

const registered = new Set<CitationStyle>();
function templateName(style: CitationStyle): string {
  const name = `imprimatur-${style}`;
  if (!registered.has(style)) {
    const config = plugins.config.get("@csl") as { templates: { add(name: string, xml: string): void } };
    config.templates.add(name, readFileSync(path.join(CSL_DIR, CITATION_STYLES[style].file), "utf8"));
    registered.add(style);
  }
  return name;
}

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

const ORGANISATION =
  /\b(organi[sz]ation|institute|society|association|agency|department|ministry|service|foundation|college|council|cent(re|er)|university|group|committee|network|trust|nhs|board|authority|collaboration|federation|academy)\b/i;
/** "Smith JA", "van der Berg K": a family name followed by 1–4 initials (the Vancouver way of writing names). */
const FAMILY_INITIALS = /^(.+?)\s+([A-Z]{1,4})$/u;

function initials(letters: string): string {
  return letters
    .split("")
    .map((l) => `${l}.`)
    .join(" ");
}

function oneName(raw: string): CslName | null {
  const name = raw.trim().replace(/\.$/, "").trim();
  if (!name) return null;
  if (ORGANISATION.test(name)) return { literal: name };
  const vancouver = FAMILY_INITIALS.exec(name);
  if (vancouver) return { family: vancouver[1], given: initials(vancouver[2]) };
  const comma = name.split(",");
  if (comma.length === 2) return { family: comma[0].trim(), given: comma[1].trim() };
  const words = name.split(/\s+/);
  if (words.length === 1) return { literal: name };
  return { family: words[words.length - 1], given: words.slice(0, -1).join(" ") };
}

/**
 * The free-text author field as CSL names. Understands the common ways people type it: "Smith JA, Jones K"
 * (Vancouver), "Smith, John; Jones, Kate", "John Smith and Kate Jones", an organisation as the author, and a
 * trailing "et al." (dropped; the style decides how many names to print).
 */
export function parseAuthorNames(authors: string): CslName[] {
  const text = authors
    .trim()
    .replace(/[,;]?\s*(et\s+al\.?|and\s+others)\s*$/i, "")
    .trim();
  if (!text) return [];
  let parts: string[];
  if (text.includes(";")) parts = text.split(";");
  else if (/\s(and|&)\s/.test(text) && !ORGANISATION.test(text))
    parts = text.split(/,\s*|\s+(?:and|&)\s+/).filter((p) => p.trim());
  else {
    const commaParts = text.split(",").map((p) => p.trim());
    if (commaParts.length > 1 && commaParts.every((p) => FAMILY_INITIALS.test(p))) parts = commaParts;
    else if (commaParts.length === 2 && !ORGANISATION.test(text))
      parts = [text]; // "Smith, John"
    else parts = commaParts;
  }
  return parts.map(oneName).filter((n): n is CslName => n !== null);
}

function dateParts(iso: string | null): { "date-parts": number[][] } | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  return { "date-parts": [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] };
}

/** A reference snapshot as CSL-JSON. Journal articles are those with a DOI, a PMID or marked peer-reviewed. */
export function toCslItem(r: ReferenceSnapshot): Record<string, unknown> {
  const journal = !!(r.doi || r.pmid || r.peerReviewed);
  const type = journal ? "article-journal" : r.url ? "webpage" : r.containerTitle ? "article-journal" : "document";
  const item: Record<string, unknown> = { id: r.key, type, title: r.title };
  const author = parseAuthorNames(r.authors);
  if (author.length) item.author = author;
  if (r.containerTitle) item[type === "document" ? "publisher" : "container-title"] = r.containerTitle;
  if (r.year != null) item.issued = { "date-parts": [[r.year]] };
  if (r.url && isSafeHttpUrl(r.url)) item.URL = r.url;
  if (r.doi) item.DOI = r.doi;
  if (r.pmid) item.PMID = r.pmid;
  const accessed = dateParts(r.accessedAt);
  if (accessed && r.url) item.accessed = accessed;
  return item;
}

/** What the CSL processor escapes in text: the same escaping applied to a value finds it in the output. */
function cslEscape(value: string): string {
  return value.replace(/&/g, "&#38;").replace(/</g, "&#60;").replace(/>/g, "&#62;");
}

function link(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" rel="nofollow noopener">${escapeHtml(label)}</a>`;
}

/** Replaces the first occurrence of `printed` (as the processor escaped it) with a link; false when absent. */
function linkPrinted(html: { value: string }, printed: string, href: string): boolean {
  const needle = cslEscape(printed);
  const at = html.value.indexOf(needle);
  if (at < 0) return false;
  html.value = html.value.slice(0, at) + link(href, printed) + html.value.slice(at + needle.length);
  return true;
}

/** The processor's HTML for one entry, reduced to text plus the inline emphasis the style asks for. */
function entryText(entryHtml: string): string {
  return entryHtml
    .replace(/<div class="csl-left-margin">[\s\S]*?<\/div>/, "")
    .replace(/<(?!\/?(i|b|sup|sub)>)[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function withLinks(text: string, r: ReferenceSnapshot): string {
  const html = { value: text };
  const extra: string[] = [];
  if (r.doi) {
    const href = `https://doi.org/${encodeURI(r.doi)}`;
    if (!linkPrinted(html, `https://doi.org/${r.doi}`, href) && !linkPrinted(html, r.doi, href))
      extra.push(link(href, `doi:${r.doi}`));
  }
  if (r.url && isSafeHttpUrl(r.url) && !linkPrinted(html, r.url, r.url)) extra.push(link(r.url, r.url));
  if (r.pmid && /^\d+$/.test(r.pmid)) extra.push(link(`https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`, `PMID: ${r.pmid}`));
  const parts = [html.value];
  if (extra.length) parts.push(extra.join(" "));
  if (r.peerReviewed) parts.push(`<span class="ref-peer-reviewed">Peer-reviewed.</span>`);
  return parts.join(" ");
}

/**
 * HTML for each reference in the given style, keyed by reference key. The order given is the order the page
 * numbers them in (first citation): numeric styles that print the number would otherwise renumber.
 */
export function formatReferences(references: ReferenceSnapshot[], style: CitationStyle): Map<string, string> {
  const out = new Map<string, string>();
  if (!references.length) return out;
  const cite = new Cite(references.map(toCslItem));
  const entries = cite.format("bibliography", {
    format: "html",
    template: templateName(style),
    lang: "en-US",
    asEntryArray: true,
    // Keep the page's order (first citation) rather than the style's sort (APA sorts by author).
    entry: references.map((r) => r.key),
  }) as Array<[string, string]>;
  const byKey = new Map(references.map((r) => [r.key, r]));
  for (const [key, entryHtml] of entries) {
    const r = byKey.get(key);
    if (r) out.set(key, withLinks(entryText(entryHtml), r));
  }
  return out;
}
