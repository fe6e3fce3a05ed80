// Readers' pages are complete HTML with no client components (the feedback form enhances itself with a small
// island script of its own, public/islands/feedback.js), so the React runtime Next adds to every page (its
// chunk scripts, their preloads and the inline RSC payload that only hydration reads) does nothing for them
// but cost the reader ~150 KiB and the main thread. The page cache stores these pages without it.
//
// Kept: JSON-LD data blocks (not executed; search engines read them) and scripts marked data-island. React
// escapes "<" and ">" in attribute values and "<" inside the inline payload scripts, so a tag-level match is
// exact here: the article body is sanitised HTML that never contains a <script> element.

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/g;
const SCRIPT_PRELOAD = /<link\b[^>]*\b(?:as="script"|rel="modulepreload")[^>]*\/?>/g;

function keepScript(attributes: string): boolean {
  return /\btype="application\/ld\+json"/.test(attributes) || /\bdata-island\b/.test(attributes);
}

export function stripNextRuntime(html: string): string {
  return html
    .replace(SCRIPT_PRELOAD, "")
    .replace(SCRIPT, (whole, attributes: string) => (keepScript(attributes) ? whole : ""));
}
