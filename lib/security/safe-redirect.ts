// Where a person may be sent after signing in: a path on this site, nothing else. An open redirect after a real
// sign-in is a phishing aid, and browsers are lenient in ways a prefix check misses: they treat `\` as `/`,
// drop tabs and newlines inside URLs, and servers or proxies may decode `%5C` / `%09` / `%2F` once more before
// redirecting. So a value is refused when it, or any percent-decoding of it, contains a backslash, a control
// character or whitespace, starts with two slashes, or resolves to another origin.

export const DEFAULT_AFTER_SIGN_IN = "/studio";

// A host that never resolves, for resolving paths when no site origin is given.
const PLACEHOLDER_ORIGIN = "http://callback.invalid";
const UNSAFE_CHARACTERS = /[\\\u0000-\u001f\u007f-\u009f\s\u200b-\u200f\u2028\u2029\ufeff]/;
const MAX_DECODINGS = 4;

/**
 * The same-origin path (`/path?query#hash`) that `value` names, or `fallback`. With `siteOrigin`, absolute URLs
 * on that origin are accepted too (next-auth hands its redirect callback absolute URLs).
 */
export function safeCallbackPath(
  value: unknown,
  siteOrigin?: string,
  fallback: string = DEFAULT_AFTER_SIGN_IN,
): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (UNSAFE_CHARACTERS.test(value)) return fallback;

  let origin = PLACEHOLDER_ORIGIN;
  if (siteOrigin) {
    try {
      origin = new URL(siteOrigin).origin;
    } catch {
      return fallback;
    }
  }

  let path = value;
  if (siteOrigin && /^https?:\/\//i.test(value)) {
    const absolute = parse(value, origin);
    if (!absolute || absolute.origin !== origin || absolute.username || absolute.password) return fallback;
    path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  }
  if (!isSafePath(path, origin)) return fallback;
  const url = parse(path, origin)!;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  // Normalisation can produce a new leading `//` (e.g. `/.//evil.example`): check the result once more.
  return isSafePath(normalised, origin) ? normalised : fallback;
}

/** A path (and every percent-decoding of it) that stays on `origin`. */
function isSafePath(path: string, origin: string): boolean {
  let current = path;
  for (let depth = 0; depth < MAX_DECODINGS; depth++) {
    if (UNSAFE_CHARACTERS.test(current)) return false;
    if (!current.startsWith("/") || current.startsWith("//")) return false;
    const url = parse(current, origin);
    // Dot segments can turn into a leading `//` once resolved (`/.//evil.example`).
    if (url?.origin !== origin || url.pathname.startsWith("//")) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false; // malformed escapes: nothing legitimate sends them
    }
    if (decoded === current) return true;
    current = decoded;
  }
  return false; // encoded more deeply than any real link
}

function parse(value: string, base: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}
