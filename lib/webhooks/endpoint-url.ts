// Which webhook URLs may be called. Only http(s), no credentials in the URL, and never a private, loopback or
// link-local address (the server would otherwise be a way into the internal network) unless the operator
// allows it with WEBHOOKS_ALLOW_PRIVATE=1 (local development and tests). Checked when an admin registers the
// URL and again at every delivery, on the addresses the name resolves to then.
import { isIP } from "node:net";

export function privateAddressesAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WEBHOOKS_ALLOW_PRIVATE === "1" || env.WEBHOOKS_ALLOW_PRIVATE === "true";
}

export const PRIVATE_REFUSED =
  "Private, loopback and link-local addresses (localhost, 127.x, 10.x, 172.16–31.x, 192.168.x, fc00::/7 …) " +
  "cannot receive webhooks. Use a public address (an operator can allow private ones with WEBHOOKS_ALLOW_PRIVATE=1).";

function ipv4Parts(ip: string): number[] | null {
  const parts = ip.split(".").map(Number);
  return parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? parts : null;
}

/** True for every address that is not a public unicast address. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ipv4Parts(ip);
  if (v4) {
    const [a, b] = v4;
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0 && v4[2] === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224 // multicast, reserved, broadcast
    );
  }
  const v6 = ip.toLowerCase().replace(/^\[|\]$/g, "");
  if (isIP(v6) !== 6) return true; // not an address we understand: refuse
  const mapped = v6.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return isPrivateAddress(mapped[1]);
  return (
    v6 === "::" ||
    v6 === "::1" ||
    /^f[cd]/.test(v6) || // unique local fc00::/7
    /^fe[89ab]/.test(v6) || // link-local fe80::/10
    /^ff/.test(v6) // multicast
  );
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** The static part of the check (scheme, credentials, literal addresses and local names). */
export function checkEndpointUrl(raw: string, allowPrivate = privateAddressesAllowed()): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "Enter a full URL, e.g. https://example.org/hooks/imprimatur." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, message: "The URL must start with https:// (or http://)." };
  if (url.username || url.password)
    return { ok: false, message: "Leave credentials out of the URL; receivers verify the signature instead." };
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
    const local = host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || !host.includes(".");
    if ((isIP(host) && isPrivateAddress(host)) || (!isIP(host) && local))
      return { ok: false, message: PRIVATE_REFUSED };
  }
  return { ok: true, url };
}
