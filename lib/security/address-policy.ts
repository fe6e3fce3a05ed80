// Which addresses the server may connect to on someone else's behalf (webhook deliveries, link checks, DOI and
// PMID look-ups): only public unicast addresses. Everything else could be a way into the server's own network
// (its loopback, the private network around it, the cloud metadata service at 169.254.169.254).
//
// Addresses are parsed by ipaddr.js, which reads every textual form a URL parser or resolver accepts: dotted,
// octal (0177.0.0.1), hex (0x7f000001), integer (2130706433) and shortened (127.1) IPv4; IPv6 with zone ids;
// and IPv6 forms that carry an IPv4 address inside (IPv4-mapped ::ffff:7f00:1, NAT64 64:ff9b::/96, 6to4
// 2002::/16), which are judged by the IPv4 address they carry. The refused ranges are the lists below (the
// same list is in docs/outgoing-requests.md); an IPv6 address outside global unicast (2000::/3) is refused too.
// Documentation ranges are refused: they never route on the internet, so an address in one is a mistake or a
// probe.
import dns from "node:dns";
import type { LookupAddress } from "node:dns";
import ipaddr from "ipaddr.js";

export interface RefusedRange {
  cidr: string;
  name: string;
}

export const REFUSED_IPV4_RANGES: readonly RefusedRange[] = [
  { cidr: "0.0.0.0/8", name: "“this network” (0.0.0.0 reaches the local host)" },
  { cidr: "10.0.0.0/8", name: "private network" },
  { cidr: "100.64.0.0/10", name: "carrier-grade NAT (shared address space)" },
  { cidr: "127.0.0.0/8", name: "loopback" },
  { cidr: "169.254.0.0/16", name: "link-local (includes the cloud metadata service 169.254.169.254)" },
  { cidr: "172.16.0.0/12", name: "private network" },
  { cidr: "192.0.0.0/24", name: "IETF protocol assignments" },
  { cidr: "192.0.2.0/24", name: "documentation (TEST-NET-1)" },
  { cidr: "192.88.99.0/24", name: "6to4 relay anycast (deprecated)" },
  { cidr: "192.168.0.0/16", name: "private network" },
  { cidr: "198.18.0.0/15", name: "benchmarking" },
  { cidr: "198.51.100.0/24", name: "documentation (TEST-NET-2)" },
  { cidr: "203.0.113.0/24", name: "documentation (TEST-NET-3)" },
  { cidr: "224.0.0.0/4", name: "multicast" },
  { cidr: "240.0.0.0/4", name: "reserved (includes the broadcast address 255.255.255.255)" },
];

export const REFUSED_IPV6_RANGES: readonly RefusedRange[] = [
  { cidr: "::/128", name: "unspecified" },
  { cidr: "::1/128", name: "loopback" },
  { cidr: "::/96", name: "IPv4-compatible (deprecated)" },
  { cidr: "::ffff:0:0:0/96", name: "IPv4-translated" },
  { cidr: "64:ff9b:1::/48", name: "local-use NAT64" },
  { cidr: "100::/64", name: "discard-only" },
  { cidr: "2001::/32", name: "Teredo tunnel" },
  { cidr: "2001::/23", name: "IETF protocol assignments (includes benchmarking 2001:2::/48)" },
  { cidr: "2001:db8::/32", name: "documentation" },
  { cidr: "3fff::/20", name: "documentation" },
  { cidr: "5f00::/16", name: "segment routing" },
  { cidr: "fc00::/7", name: "unique local (private network)" },
  { cidr: "fe80::/10", name: "link-local" },
  { cidr: "fec0::/10", name: "site-local (deprecated)" },
  { cidr: "ff00::/8", name: "multicast" },
];

/** IPv6 forms that carry an IPv4 address: allowed or refused as that IPv4 address is. */
export const IPV4_CARRYING_IPV6_RANGES: readonly RefusedRange[] = [
  { cidr: "::ffff:0:0/96", name: "IPv4-mapped" },
  { cidr: "64:ff9b::/96", name: "NAT64" },
  { cidr: "2002::/16", name: "6to4" },
];

const GLOBAL_UNICAST_IPV6 = ipaddr.IPv6.parseCIDR("2000::/3");

/** Host names that always mean this machine or its local network, refused before any look-up. */
export function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.+$/, "");
  return (
    !name.includes(".") || // a single label resolves through the local search domains
    /(^|\.)localhost$/.test(name) ||
    /\.(local|internal|localdomain|lan|home\.arpa)$/.test(name)
  );
}

export interface AddressVerdict {
  /** The address in its canonical form (what a connection would go to). */
  address: string;
  allowed: boolean;
  /** Why it is refused ("loopback (127.0.0.0/8)"), empty when allowed. */
  reason: string;
}

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;

/** The address, or "unreadable" for text with a colon that is no IPv6 address, or null for a host name. */
function parseAddress(text: string): Parsed | "unreadable" | null {
  let bare = text.trim();
  if (bare.startsWith("[") && bare.endsWith("]")) bare = bare.slice(1, -1);
  if (!bare.includes(":")) {
    // A URL parser and the system resolver both ignore one trailing dot after an IPv4 address.
    try {
      return ipaddr.IPv4.parse(bare.replace(/\.$/, ""));
    } catch {
      return null;
    }
  }
  // Zone ids in URLs are percent-encoded (fe80::1%25eth0).
  bare = bare.replace(/%25/, "%");
  // A trailing dotted IPv4 part is rewritten as two hex groups here: ipaddr.js reads "::1.2.3.4" (an
  // IPv4-compatible address, ::102:304) as IPv4-mapped (::ffff:102:304), which is another address.
  const dotted = bare.match(/^(.*:)([^:%]*\.[^:%]*)(%.*)?$/);
  if (dotted) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(dotted[2])) return "unreadable";
    const [a, b, c, d] = ipaddr.IPv4.parse(dotted[2]).octets;
    bare = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}${dotted[3] ?? ""}`;
  }
  try {
    return ipaddr.IPv6.parse(bare);
  } catch {
    return "unreadable";
  }
}

function firstRange<T extends Parsed>(address: T, ranges: readonly RefusedRange[]): RefusedRange | undefined {
  return ranges.find((r) => {
    const [network, bits] = ipaddr.parseCIDR(r.cidr);
    return network.kind() === address.kind() && address.match(network, bits);
  });
}

function judgeIpv4(address: ipaddr.IPv4, canonical: string, carrier?: string): AddressVerdict {
  const refused = firstRange(address, REFUSED_IPV4_RANGES);
  if (!refused) return { address: canonical, allowed: true, reason: "" };
  const inside = carrier ? ` inside ${/^[AEIOU]/i.test(carrier) ? "an" : "a"} ${carrier} IPv6 address` : "";
  return { address: canonical, allowed: false, reason: `${refused.name} (${refused.cidr})${inside}` };
}

/** The IPv4 address an IPv4-mapped, NAT64 or 6to4 address carries. */
function carriedIpv4(address: ipaddr.IPv6, carrier: RefusedRange): ipaddr.IPv4 {
  const p = address.parts;
  const [hi, lo] = carrier.name === "6to4" ? [p[1], p[2]] : [p[6], p[7]];
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/**
 * Judges one address written in any notation. Returns null when the text is not an address at all (a host
 * name, to be resolved and its answers judged one by one); text with a colon that no parser reads is refused.
 */
export function classifyAddress(text: string): AddressVerdict | null {
  const parsed = parseAddress(text);
  if (!parsed) return null;
  if (parsed === "unreadable") return { address: text, allowed: false, reason: "not a readable address" };
  const canonical = parsed.toString();
  if (parsed.kind() === "ipv4") return judgeIpv4(parsed as ipaddr.IPv4, canonical);
  const v6 = parsed as ipaddr.IPv6;
  if (v6.zoneId)
    return { address: canonical, allowed: false, reason: "an address with a zone id (only for the local link)" };
  const carrier = firstRange(v6, IPV4_CARRYING_IPV6_RANGES);
  if (carrier) return judgeIpv4(carriedIpv4(v6, carrier), canonical, carrier.name);
  const refused = firstRange(v6, REFUSED_IPV6_RANGES);
  if (refused) return { address: canonical, allowed: false, reason: `${refused.name} (${refused.cidr})` };
  if (!v6.match(GLOBAL_UNICAST_IPV6))
    return { address: canonical, allowed: false, reason: "outside global unicast (2000::/3)" };
  return { address: canonical, allowed: true, reason: "" };
}

/** True for every address the server must not connect to on someone's behalf (and for text that is none). */
export function isRefusedAddress(text: string): boolean {
  return !(classifyAddress(text)?.allowed ?? false);
}

export interface HostCheckOptions {
  /** Skip the policy (local development and tests against a stub on the loopback). */
  allowPrivate: boolean;
  /** Replaces the policy's verdict on each address (tests that need one loopback address allowed). */
  allowAddress?: (address: string) => boolean;
}

export type CheckedHost =
  { ok: true; addresses: LookupAddress[] } | { ok: false; reason: "BLOCKED" | "DNS"; detail: string };

/**
 * Resolves `host` once and judges every address it resolves to: one refused address refuses the host (a name
 * with one public and one private answer could otherwise be steered to the private one). The caller connects
 * only to the returned addresses (see lib/http/outgoing-request.ts), so a second look-up cannot answer
 * differently (DNS rebinding).
 */
export async function resolveAllowedAddresses(host: string, options: HostCheckOptions): Promise<CheckedHost> {
  const judge = (verdict: AddressVerdict): { allowed: boolean; reason: string } => {
    if (options.allowPrivate) return { allowed: true, reason: "" };
    if (options.allowAddress)
      return { allowed: options.allowAddress(verdict.address), reason: "not in the allowed addresses" };
    return verdict;
  };
  const literal = classifyAddress(host);
  if (literal) {
    const { allowed, reason } = judge(literal);
    if (!allowed) return { ok: false, reason: "BLOCKED", detail: `${host} is refused: ${reason}.` };
    return { ok: true, addresses: [{ address: literal.address, family: literal.address.includes(":") ? 6 : 4 }] };
  }
  const name = host.replace(/^\[|\]$/g, "");
  if (!options.allowPrivate && isLocalName(name))
    return { ok: false, reason: "BLOCKED", detail: `${name} names this machine or its local network.` };
  let answers: LookupAddress[];
  try {
    // Read at call time (not a named import) so the one resolver of the process is the one used.
    answers = await dns.promises.lookup(name, { all: true });
  } catch {
    return { ok: false, reason: "DNS", detail: `The host ${name} does not resolve.` };
  }
  if (answers.length === 0) return { ok: false, reason: "DNS", detail: `The host ${name} does not resolve.` };
  const addresses: LookupAddress[] = [];
  for (const answer of answers) {
    const verdict = classifyAddress(answer.address) ?? {
      address: answer.address,
      allowed: false,
      reason: "unreadable",
    };
    const { allowed, reason } = judge(verdict);
    if (!allowed)
      return {
        ok: false,
        reason: "BLOCKED",
        detail: `${name} resolves to ${verdict.address}, which is refused: ${reason}.`,
      };
    addresses.push({ address: verdict.address, family: answer.family });
  }
  return { ok: true, addresses };
}
