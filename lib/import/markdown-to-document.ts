// Markdown import: markdown-it (CommonMark, maintained, no native code) renders to HTML, which then goes
// through the same allowlist walker as HTML imports, so both paths keep and drop exactly the same things.
import MarkdownIt from "markdown-it";
import { htmlToDocument, type ImportResult } from "./html-to-document";

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });

export function markdownToDocument(markdown: string): ImportResult {
  return htmlToDocument(`<body>${md.render(markdown)}</body>`);
}
