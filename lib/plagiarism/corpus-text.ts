// Plain text from the files editors import into the reference corpus (.txt, .md, .html). Only the words
// matter for fingerprinting, so this drops markup rather than rendering it; nothing here is ever shown as HTML.

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function htmlToText(html: string): { text: string; title: string | null } {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const body = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(
      /<\/?(p|div|section|article|h[1-6]|li|ul|ol|br|tr|table|blockquote|header|footer|main|nav|pre)\b[^>]*>/gi,
      "\n",
    )
    .replace(/<[^>]+>/g, " ");
  const text = decodeEntities(body)
    .split("\n")
    .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
  const title = titleMatch
    ? decodeEntities(titleMatch[1].replace(/<[^>]+>/g, " "))
        .replace(/\s+/g, " ")
        .trim()
    : null;
  return { text, title: title || null };
}

export function markdownToText(md: string): { text: string; title: string | null } {
  const title = /^#\s+(.+)$/m.exec(md)?.[1]?.trim() ?? null;
  const text = md
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/[*_`~]+/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, title };
}

/** Text and a title guess for an imported file, by extension. */
export function fileToText(fileName: string, content: string): { text: string; title: string } {
  const lower = fileName.toLowerCase();
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const parsed =
    lower.endsWith(".html") || lower.endsWith(".htm")
      ? htmlToText(content)
      : lower.endsWith(".md") || lower.endsWith(".markdown")
        ? markdownToText(content)
        : { text: content.replace(/\r\n?/g, "\n").trim(), title: null };
  return { text: parsed.text, title: parsed.title || base.replace(/[-_]+/g, " ").trim() || "Untitled" };
}

export const CORPUS_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm"] as const;
