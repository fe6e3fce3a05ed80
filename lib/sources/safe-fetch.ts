// Fetching outside addresses on behalf of editors (link checks, DOI/PMID look-ups) without becoming a way
// into the server's own network: every hop's host is resolved and refused when it is a private, loopback,
// link-local or otherwise internal address (unless the setting allows it, for tests against a local stub);
// redirects are followed by hand, each checked again, up to a cap; every request has a timeout.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export interface SafeFetchOptions {
  timeoutMs?: number;
  maxRedirects?: number;
  /** Allow private/loopback addresses (tests with a local stub only). Default: SOURCES_ALLOW_PRIVATE=1. */
  allowPrivate?: boolean;
  method?: "GET" | "HEAD";
  headers?: Record<string, string>;
}

export type SafeFetchResult =
  | { ok: true; status: number; finalUrl: string; redirects: number; body: string | null; contentType: string }
  | { ok: false; reason: "BLOCKED" | "DNS" | "TIMEOUT" | "NETWORK" | "TOO_MANY_REDIRECTS" | "BAD_URL"; detail: string };

export function allowPrivateFromEnv(): boolean {
  return process.env.SOURCES_ALLOW_PRIVATE === "1";
}

/** IPv4/IPv6 addresses that must never be fetched for a user: internal, loopback, link-local, reserved. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const v6 = ip.toLowerCase();
  if (v6 === "::" || v6 === "::1") return true;
  const mapped = v6.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return isPrivateAddress(mapped[1]);
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(v6);
}

async function hostAllowed(host: string, allowPrivate: boolean): Promise<{ ok: true } | { ok: false; dns: boolean }> {
  const bare = host.replace(/^\[|\]$/g, "");
  if (allowPrivate) return { ok: true };
  if (isIP(bare)) return isPrivateAddress(bare) ? { ok: false, dns: false } : { ok: true };
  if (/^localhost$|\.localhost$|\.internal$|\.local$/i.test(bare)) return { ok: false, dns: false };
  try {
    const addrs = await lookup(bare, { all: true });
    if (addrs.length === 0) return { ok: false, dns: true };
    return addrs.some((a) => isPrivateAddress(a.address)) ? { ok: false, dns: false } : { ok: true };
  } catch {
    return { ok: false, dns: true };
  }
}

const MAX_BODY = 2_000_000;

export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const allowPrivate = options.allowPrivate ?? allowPrivateFromEnv();
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
    const allowed = await hostAllowed(parsed.hostname, allowPrivate);
    if (!allowed.ok)
      return allowed.dns
        ? { ok: false, reason: "DNS", detail: `The host ${parsed.hostname} does not resolve.` }
        : { ok: false, reason: "BLOCKED", detail: `${parsed.hostname} is a private or internal address.` };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(parsed, {
        method: options.method ?? "GET",
        redirect: "manual",
        signal: controller.signal,
        headers: { "user-agent": "Imprimatur source checker", ...options.headers },
      });
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        current = new URL(location, parsed).toString();
        continue;
      }
      const contentType = res.headers.get("content-type") ?? "";
      let body: string | null = null;
      if (options.method !== "HEAD") {
        const text = await res.text();
        body = text.length > MAX_BODY ? text.slice(0, MAX_BODY) : text;
      }
      return { ok: true, status: res.status, finalUrl: current, redirects: hop, body, contentType };
    } catch (err) {
      if (controller.signal.aborted)
        return { ok: false, reason: "TIMEOUT", detail: `No answer within ${Math.round(timeoutMs / 1000)} s.` };
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      if (cause === "ENOTFOUND" || cause === "EAI_AGAIN")
        return { ok: false, reason: "DNS", detail: `The host ${parsed.hostname} does not resolve.` };
      return { ok: false, reason: "NETWORK", detail: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
    }
  }
  return { ok: false, reason: "TOO_MANY_REDIRECTS", detail: `More than ${maxRedirects} redirects.` };
}
