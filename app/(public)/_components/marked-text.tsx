import type { TextSegment } from "@/lib/search/search-index";

/** Text with the search's matched words in <mark>; every segment is rendered as text, never as HTML. */
export function MarkedText({ segments }: { segments: TextSegment[] }) {
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
