// Fetching outside addresses on behalf of editors (link checks, DOI/PMID look-ups) without becoming a way
// into the server's own network: every hop goes through lib/http/outgoing-request.ts, which resolves the host
// once, refuses it when any address it resolves to is private, loopback, link-local or otherwise internal
// (lib/security/address-policy.ts; unless the setting allows it, for tests against a local stub) and connects
// only to the checked addresses. Redirects are followed by hand, each hop checked again, up to a cap; every
// hop has a timeout.
import { sendOutgoingRequest } from "../http/outgoing-request";

export interface SafeFetchOptions {
  timeoutMs?: number;
  maxRedirects?: number;
  /** Allow private/loopback addresses (tests with a local stub only). Default: SOURCES_ALLOW_PRIVATE=1. */
  allowPrivate?: boolean;
  /** Replaces the address policy's verdict on each address (tests that need one loopback address allowed). */
  allowAddress?: (address: string) => boolean;
  method?: "GET" | "HEAD";
  headers?: Record<string, string>;
}

export type SafeFetchResult =
  | { ok: true; status: number; finalUrl: string; redirects: number; body: string | null; contentType: string }
  | { ok: false; reason: "BLOCKED" | "DNS" | "TIMEOUT" | "NETWORK" | "TOO_MANY_REDIRECTS" | "BAD_URL"; detail: string };

export function allowPrivateFromEnv(): boolean {
  return process.env.SOURCES_ALLOW_PRIVATE === "1";
}

const MAX_BODY_BYTES = 2_000_000;

export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const allowPrivate = options.allowPrivate ?? allowPrivateFromEnv();
  const method = options.method ?? "GET";
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      return { ok: false, reason: "BAD_URL", detail: `Not a valid address: ${current}` };
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
      return {
        ok: false,
        reason: "BAD_URL",
        detail: `Only http and https addresses are checked (${parsed.protocol}).`,
      };
    const res = await sendOutgoingRequest(parsed, {
      method,
      headers: { "user-agent": "Imprimatur source checker", ...options.headers },
      timeoutMs,
      maxBodyBytes: method === "HEAD" ? 0 : MAX_BODY_BYTES,
      allowPrivate,
      allowAddress: options.allowAddress,
    });
    if (!res.ok) return res;
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location) {
      try {
        current = new URL(location, parsed).toString();
      } catch {
        return { ok: false, reason: "BAD_URL", detail: `The server redirected to an invalid address: ${location}` };
      }
      continue;
    }
    return {
      ok: true,
      status: res.status,
      finalUrl: current,
      redirects: hop,
      body: method === "HEAD" ? null : res.body,
      contentType: res.headers["content-type"] ?? "",
    };
  }
  return { ok: false, reason: "TOO_MANY_REDIRECTS", detail: `More than ${maxRedirects} redirects.` };
}
