// Cross-site request refusal for state-changing requests. A browser sends `Sec-Fetch-Site` (all current
// browsers) and `Origin` (on every cross-origin request and every POST) and a page cannot forge either, so a
// request that another site's page made is recognisable by them. Clients that are not browsers (scripts, the
// benchmarks, curl) send neither and are not a cross-site risk: they carry no victim's cookie.
// `same-site` is refused as well: a sibling subdomain is another party.

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * Why this request is refused as cross-site, or null when it is allowed. An `Origin` must name the host the
 * request was sent to (Host / X-Forwarded-Host) or one of `siteHosts` (the configured public address, for a
 * proxy that rewrites Host).
 */
export function crossSiteRefusal(
  method: string,
  headers: HeaderSource,
  siteHosts: readonly string[] = [],
): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = headers.get("sec-fetch-site")?.toLowerCase();
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return `Sec-Fetch-Site: ${fetchSite}`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host; // "null" (sandboxed frames, some redirects) fails to parse: refused
  } catch {
    return `Origin: ${origin.slice(0, 100)}`;
  }
  const allowed = [host, ...siteHosts].filter(Boolean).map((h) => h!.toLowerCase());
  if (!allowed.includes(originHost.toLowerCase())) return `Origin: ${origin.slice(0, 100)}`;
  return null;
}
