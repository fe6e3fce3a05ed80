// Which requests get a readers' page (or a 404 in its place) as a document: everything outside the studio,
// account and sign-in pages (lib/http/security-headers.ts isAppPath) except Next's own files, route handlers,
// uploaded media, island scripts and the site's files. Such pages are served without Next's runtime
// (./strip-next-runtime.ts) whether or not the page cache stores them (a search, a query string, a 404, a
// signed-in visitor), so that they never need an inline script under the public Content-Security-Policy.
// Next's client-router requests (RSC payloads, prefetches, server actions) are not documents: left to Next.
import type { IncomingHttpHeaders } from "node:http";
import { isAppPath } from "../http/security-headers";

/** Paths that are not pages: Next's static files, route handlers, media, islands (prefix match). */
export const NOT_PAGE_PREFIXES = ["/_next/", "/api/", "/media/", "/islands/"];
/** Route handlers and files at the top of app/ (exact match). */
export const NOT_PAGE_PATHS = [
  "/healthz",
  "/readyz",
  "/favicon.ico",
  "/icon.svg",
  "/sitemap.xml",
  "/rss.xml",
  "/es/rss.xml",
];

// Headers Next uses to serve its client router (RSC payloads, prefetches) or server actions on a page URL.
export const NEXT_INTERNAL_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];

export function isReadersPageRequest(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!url || !url.startsWith("/")) return false;
  const pathname = url.split(/[?#]/)[0];
  if (isAppPath(pathname)) return false;
  if (NOT_PAGE_PREFIXES.some((p) => pathname.startsWith(p)) || NOT_PAGE_PATHS.includes(pathname)) return false;
  return !NEXT_INTERNAL_HEADERS.some((h) => headers[h] !== undefined);
}
