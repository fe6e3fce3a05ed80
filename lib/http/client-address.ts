// The client address that per-client limits (reader feedback, sign-in throttling) are keyed on.
//
// The rule: the address of the TCP peer (the socket), unless the site runs behind reverse proxies that the
// operator declares with TRUSTED_PROXY_HOPS (default 0). Each trusted proxy appends the address it saw to
// X-Forwarded-For; the client's address is then the entry `TRUSTED_PROXY_HOPS` places left of the socket
// address. Entries further left were written by the client and are never used: a client that sends its own
// X-Forwarded-For gets no fresh allowance.
//
// Where the socket address comes from: Next's server only fills X-Forwarded-For with the socket address when
// the header is absent (`??=`), so behind `next start` alone a client-sent X-Forwarded-For would pass through
// unchanged. The server process therefore stamps every request with the socket address in SOCKET_ADDRESS_HEADER
// before Next sees it, overwriting anything the client sent (lib/http/stamp-socket-address.ts, installed from
// instrumentation.ts). Without the stamp (a host that skips instrumentation), the last X-Forwarded-For entry is
// the best available.
import type { HeaderSource } from "./same-origin";

export const SOCKET_ADDRESS_HEADER = "x-imprimatur-socket-address";
const MAX_TRUSTED_HOPS = 10;

/** TRUSTED_PROXY_HOPS as a whole number 0–10; anything else counts as 0. */
export function trustedProxyHops(value: string | undefined = process.env.TRUSTED_PROXY_HOPS): number {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= MAX_TRUSTED_HOPS ? n : 0;
}

export function clientAddress(headers: HeaderSource, hops: number = trustedProxyHops()): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const socket = headers.get(SOCKET_ADDRESS_HEADER)?.trim();
  const chain = socket ? [...forwarded, socket] : forwarded;
  if (!chain.length) return "unknown";
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** IPv4 seen through an IPv6 socket ("::ffff:203.0.113.9") is the same client as "203.0.113.9". */
function normaliseAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith("::ffff:") && lower.includes(".") ? lower.slice(7) : lower;
}
