// One stored public page: the bytes Next rendered for it, compressed once with gzip and Brotli, with a strong
// ETag from its content. Serving it is then a lookup and a write, with no rendering and no compression per
// request.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

export interface PageEntry {
  status: number;
  /** Next's response headers worth replaying (see keptHeaders); lower-case names. */
  headers: Array<[string, string]>;
  bodies: Record<Encoding, Buffer>;
  /** ETag of the uncompressed content, quoted; each encoding gets its own suffix (etagFor). */
  etag: string;
  /** Public change counter the page was rendered at. */
  counter: number;
  storedAt: number;
  /** Total bytes held (all three bodies). */
  size: number;
}

// Describe a single response, the connection, or the cache policy we set ourselves: never replayed.
const DROPPED_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "content-length",
  "content-encoding",
  "cache-control",
  "etag",
  "expires",
  "last-modified",
  "age",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
  "x-nextjs-postponed",
]);

/**
 * Whether a rendered response may be stored and replayed to every reader: a 200, no cookie being set, no
 * per-request CSP nonce, and content we compress. Returns the reason when it may not.
 */
export function unstorableReason(
  status: number,
  headers: Record<string, string | string[] | undefined>,
): string | null {
  if (status !== 200) return `status ${status}`;
  if (headers["set-cookie"]) return "it sets a cookie";
  const csp = String(headers["content-security-policy"] ?? "");
  if (/'nonce-/.test(csp)) return "its Content-Security-Policy carries a per-request nonce";
  if (headers["content-encoding"] && headers["content-encoding"] !== "identity") return "it is already encoded";
  const type = String(headers["content-type"] ?? "");
  if (!/^(text\/|application\/(xml|rss\+xml|json|xhtml\+xml))/.test(type)) return `content type "${type}"`;
  return null;
}

export function keptHeaders(headers: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const kept: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || DROPPED_HEADERS.has(lower)) continue;
    kept.push([lower, Array.isArray(value) ? value.join(", ") : value]);
  }
  // The body depends on Accept-Encoding now, whatever the renderer said.
  const vary = kept.find(([n]) => n === "vary");
  if (!vary) kept.push(["vary", "Accept-Encoding"]);
  else if (!/accept-encoding/i.test(vary[1])) vary[1] += ", Accept-Encoding";
  return kept;
}

export function buildPageEntry(input: {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  counter: number;
  now?: number;
}): PageEntry {
  const identity = input.body;
  const gzip = gzipSync(identity, { level: 9 });
  const br = brotliCompressSync(identity, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const etag = `"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`;
  return {
    status: input.status,
    headers: keptHeaders(input.headers),
    bodies: { identity, gzip, br },
    etag,
    counter: input.counter,
    storedAt: input.now ?? Date.now(),
    size: identity.length + gzip.length + br.length,
  };
}

/** The strong ETag of one encoding of the entry: the content tag, with "-br"/"-gz" for compressed bodies. */
export function etagFor(entry: Pick<PageEntry, "etag">, encoding: Encoding): string {
  if (encoding === "identity") return entry.etag;
  return entry.etag.slice(0, -1) + (encoding === "br" ? "-br" : "-gz") + '"';
}
