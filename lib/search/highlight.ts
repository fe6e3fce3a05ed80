// The index marks matched words with two control characters that never occur in stored text; this turns
// such a string into segments the page renders as text and <mark> elements, so nothing from the index is
// ever interpreted as HTML.
import type { SearchHit, TextSegment } from "./search-index";

export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export function toSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let rest = marked;
  while (rest) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      segments.push({ text: strip(rest), match: false });
      break;
    }
    if (start > 0) segments.push({ text: strip(rest.slice(0, start)), match: false });
    const end = rest.indexOf(MATCH_END, start + 1);
    const inner = end === -1 ? rest.slice(start + 1) : rest.slice(start + 1, end);
    if (inner) segments.push({ text: strip(inner), match: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return merge(segments.filter((s) => s.text));
}

export function hasMatch(segments: TextSegment[]): boolean {
  return segments.some((s) => s.match);
}

function strip(text: string): string {
  return text.replaceAll(MATCH_START, "").replaceAll(MATCH_END, "");
}

function merge(segments: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.match === s.match) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** A result row as both databases' indexes return it: marked text plus the article's identity. */
export interface MarkedRow {
  articleId: string;
  slug: string;
  lastPublishedAt: Date | string | number | null;
  title: string;
  conditionName: string;
  alternativeNames: string;
  bodySnippet: string | null;
  summary: string;
}

/** One search hit from a marked row; alternative names are shown only when the query matched one. */
export function hitFromMarkedRow(row: MarkedRow): SearchHit {
  const alternativeNames = toSegments(row.alternativeNames);
  return {
    articleId: row.articleId,
    slug: row.slug,
    title: toSegments(row.title),
    conditionName: row.conditionName,
    alternativeNames: hasMatch(alternativeNames) ? alternativeNames : null,
    snippet: bestSnippet(row),
    lastPublishedAt: row.lastPublishedAt === null ? null : new Date(row.lastPublishedAt),
  };
}

/** The summary (short enough to show whole) when it has the query's words, else where they are in the body. */
function bestSnippet(row: MarkedRow) {
  const summary = toSegments(row.summary ?? "");
  if (row.bodySnippet === null || hasMatch(summary)) return summary;
  const body = toSegments(row.bodySnippet);
  return hasMatch(body) ? body : summary;
}
