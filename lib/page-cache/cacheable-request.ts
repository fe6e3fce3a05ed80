// Which requests the page cache answers: anonymous GET/HEAD of readers' pages, exactly as a browser asks for a
// document. Everything else (signed-in people, the studio, APIs, forms, Next's client navigation requests,
// URLs with a query string) goes to Next untouched.
import type { IncomingHttpHeaders } from "node:http";
import { NEXT_INTERNAL_HEADERS } from "./readers-page-request";

/** Readers' pages whose HTML is stored (and served without Next's runtime, see ./strip-next-runtime.ts). */
const PUBLIC_PAGES: RegExp[] = [
  /^\/$/,
  /^\/editorial-policy$/,
  /^\/articles\/[a-z0-9][a-z0-9-]{0,199}$/,
  /^\/reviewers\/[A-Za-z0-9_-]{1,64}$/,
  /^\/conditions$/,
  // The same pages in the other languages (app/(localized)/<locale>/).
  /^\/es$/,
  /^\/es\/editorial-policy$/,
  /^\/es\/articles\/[a-z0-9][a-z0-9-]{0,199}$/,
  /^\/es\/conditions$/,
];

/** Readers' documents stored as they are (feeds and the sitemap). */
const PUBLIC_FEEDS: RegExp[] = [/^\/sitemap\.xml$/, /^\/rss\.xml$/, /^\/es\/rss\.xml$/];

// next-auth's session cookie (also __Secure- prefixed and chunked as .0, .1 … when large).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?next-auth\.session-token(?:\.\d+)?=/;

export type PageKind = "page" | "feed";

export function cacheablePageKind(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
): PageKind | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (!url || url.includes("?")) return null;
  if (headers.cookie && SESSION_COOKIE.test(headers.cookie)) return null;
  if (headers.authorization) return null;
  for (const h of NEXT_INTERNAL_HEADERS) if (headers[h] !== undefined) return null;
  if (PUBLIC_PAGES.some((re) => re.test(url))) return "page";
  if (PUBLIC_FEEDS.some((re) => re.test(url))) return "feed";
  return null;
}
