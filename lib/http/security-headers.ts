// Content-Security-Policy and Strict-Transport-Security, decided per response by proxy.ts (and server.ts for
// HSTS on pages it serves from its cache).
//
// Two policies, never both on one response (a browser enforces every policy it is given):
// - Studio, account and sign-in pages run React: their scripts carry a fresh nonce per request ('strict-dynamic'
//   lets the chunks those scripts load run too). These pages are rendered per request anyway (session).
// - Everything else (readers' pages, feeds, APIs) gets a fixed policy with no inline script at all: readers'
//   pages are served without Next's runtime (lib/page-cache/strip-next-runtime.ts) and need only their island
//   scripts from this origin; the JSON-LD block is data, which script-src does not govern. A fixed policy keeps
//   those pages storable in the page cache (a nonce would differ per request).
// Styles may be inline (React style attributes, the editor's own style element); connect-src 'self' also covers
// the co-editing WebSocket on this host.

import { signedUrlOrigin } from "../media/storage-config";

/** Paths whose pages run client-side React and so get the nonce policy. */
const APP_PATH_PREFIXES = [
  "/studio",
  "/account",
  "/signin",
  "/signout",
  "/forgot-password",
  "/reset-password",
  "/invite",
];

export function isAppPath(pathname: string): boolean {
  return APP_PATH_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** Whether the site is served over HTTPS, as its configured public URL says (NEXTAUTH_URL, SITE_URL). */
export function servedOverHttps(env: Record<string, string | undefined> = process.env): boolean {
  const url = env.NEXTAUTH_URL || env.SITE_URL || "";
  return url.startsWith("https://");
}

/** The origin of a separately hosted co-editing WebSocket (COLLAB_PUBLIC_URL), which connect-src must name. */
export function collabOrigin(url: string | undefined = process.env.COLLAB_PUBLIC_URL): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function policy(scriptSrc: string, options: { https: boolean }): string {
  const collab = collabOrigin();
  // Variants delivered by redirect to signed URLs come from the object store's origin.
  const media = signedUrlOrigin();
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media ? ` ${media}` : ""}`,
    "font-src 'self'",
    `connect-src 'self'${collab && collab !== "null" ? ` ${collab}` : ""}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The policy of a page that runs React: its scripts must carry `nonce`. */
export function appContentSecurityPolicy(nonce: string, options: { https: boolean; development?: boolean }): string {
  // React uses eval for its development-only error overlays; production never does.
  const dev = options.development ? " 'unsafe-eval'" : "";
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'${dev}`, options);
}

/** The policy of everything else: scripts only from this origin, none inline. */
export function publicContentSecurityPolicy(options: { https: boolean }): string {
  return policy("'self'", options);
}

/** Two years, subdomains included: sent only when the site is configured as HTTPS (browsers ignore it on http). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
