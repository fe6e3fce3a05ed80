// Which webhook URLs may be called. Only http(s), no credentials in the URL, and never a private, loopback or
// link-local address (the server would otherwise be a way into the internal network) unless the operator
// allows it with WEBHOOKS_ALLOW_PRIVATE=1 (local development and tests). Checked when an admin registers the
// URL and again at every delivery, on the addresses the name resolves to then (lib/security/address-policy.ts
// says which addresses are refused).
import { classifyAddress, isLocalName } from "../security/address-policy";

export function privateAddressesAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WEBHOOKS_ALLOW_PRIVATE === "1" || env.WEBHOOKS_ALLOW_PRIVATE === "true";
}

export const PRIVATE_REFUSED =
  "Private, loopback and link-local addresses (localhost, 127.x, 10.x, 172.16–31.x, 192.168.x, 169.254.x, " +
  "fc00::/7 …, in any notation) cannot receive webhooks. Use a public address (an operator can allow private ones with WEBHOOKS_ALLOW_PRIVATE=1).";

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
    const literal = classifyAddress(url.hostname);
    if (literal ? !literal.allowed : isLocalName(url.hostname)) return { ok: false, message: PRIVATE_REFUSED };
  }
  return { ok: true, url };
}
