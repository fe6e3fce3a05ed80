// The index marks matched words with two control characters that never occur in stored text; this turns
// such a string into segments the page renders as text and <mark> elements, so nothing from the index is
// ever interpreted as HTML.
import type { TextSegment } from "./search-index";

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
