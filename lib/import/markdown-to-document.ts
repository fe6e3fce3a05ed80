// Markdown import: markdown-it (CommonMark, maintained, no native code) renders to HTML, which then goes
// through the same allowlist walker as HTML imports, so both paths keep and drop exactly the same things.
//
// Footnotes ("text[^1]" … "[^1]: Source.") are not CommonMark: markdown-it would show them as text, or take a
// definition with an address for a link definition and hide it. They are turned into what an HTML page with
// footnotes has — numbered markers "[1]" and a footnote list where the first definition stood — so the source
// finder reads them like any other source list.
import MarkdownIt from "markdown-it";
import { htmlToDocument, type ImportResult } from "./html-to-document";

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function markdownFootnotesToHtml(markdown: string): string {
  const lines = markdown.split(/\r\n?|\n/);
  const definitions: Array<{ label: string; text: string }> = [];
  const kept: Array<string | null> = [];
  let firstAt = -1;
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    const m = inFence ? null : line.match(DEFINITION);
    if (!m) {
      kept.push(line);
      continue;
    }
    const parts = [m[2]];
    // Continuation lines of the definition are indented.
    while (i + 1 < lines.length && /^(?: {4}|\t)\S/.test(lines[i + 1])) parts.push(lines[++i].trim());
    definitions.push({ label: m[1], text: parts.join(" ").trim() });
    if (firstAt < 0) {
      firstAt = kept.length;
      kept.push(null);
    }
  }
  if (!definitions.length) return markdown;
  const number = new Map(definitions.map((d, i) => [d.label, i + 1]));
  const list = [
    '<section class="footnotes"><ol>',
    ...definitions.map((d) => `<li>${md.renderInline(d.text)}</li>`),
    "</ol></section>",
  ].join("");
  return kept
    .map((line) =>
      line === null
        ? `\n${list}\n`
        : line.replace(/\[\^([^\]\s]+)\]/g, (all, label: string) =>
            number.has(label) ? `[${number.get(label)}]` : escapeHtml(all),
          ),
    )
    .join("\n");
}

export function markdownToDocument(markdown: string): ImportResult {
  return htmlToDocument(`<body>${md.render(markdownFootnotesToHtml(markdown))}</body>`);
}
