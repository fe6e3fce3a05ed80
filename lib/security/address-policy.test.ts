// The address policy against generated addresses: every refused range, written in every notation a URL parser
// or resolver accepts, is refused by the policy, by the webhook URL check and by the host check that outgoing
// requests use; public addresses in the same notations are allowed. The expected answer comes from the
// generator (which range it drew from), never from the code under test.
import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { checkEndpointUrl } from "../webhooks/endpoint-url";
import {
  REFUSED_IPV4_RANGES,
  REFUSED_IPV6_RANGES,
  classifyAddress,
  isLocalName,
  isRefusedAddress,
  resolveAllowedAddresses,
} from "./address-policy";

const RUNS = { numRuns: 300 };

// ---------- IPv4 ----------

const v4Cidrs = REFUSED_IPV4_RANGES.map((r) => r.cidr);
/** The ranges written out again here, so that a range dropped from the module fails this test. */
const EXPECTED_REFUSED_V4 = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
];

function v4Network(cidr: string): [number, number] {
  const [base, bits] = cidr.split("/");
  const n = base.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
  return [n, Number(bits)];
}

function inV4Cidr(n: number, cidr: string): boolean {
  const [base, bits] = v4Network(cidr);
  const size = 2 ** (32 - bits);
  return n >= base && n < base + size;
}

/** A 32-bit address inside one of the refused ranges. */
const refusedV4 = fc.constantFrom(...EXPECTED_REFUSED_V4).chain((cidr) => {
  const [base, bits] = v4Network(cidr);
  return fc.integer({ min: 0, max: 2 ** (32 - bits) - 1 }).map((offset) => base + offset);
});

/** A 32-bit address outside every refused range. */
const publicV4 = fc
  .integer({ min: 0, max: 2 ** 32 - 1 })
  .filter((n) => !EXPECTED_REFUSED_V4.some((c) => inV4Cidr(n, c)));

const octets = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const hex16 = (n: number) => [(n >>> 16).toString(16), (n & 0xffff).toString(16)];

/** Every IPv4 notation: dotted decimal, octal, hex, mixed; 1-, 2- and 3-part; trailing dot. */
const v4Notation = (n: number) =>
  fc.constantFrom(
    octets(n).join("."),
    octets(n)
      .map((o) => `0${o.toString(8)}`)
      .join("."),
    octets(n)
      .map((o) => `0x${o.toString(16)}`)
      .join("."),
    octets(n)
      .map((o, i) => (i % 2 ? `0X${o.toString(16).toUpperCase()}` : String(o)))
      .join("."),
    String(n),
    `0x${n.toString(16)}`,
    `0${n.toString(8)}`,
    `${n >>> 24}.${n & 0xffffff}`,
    `${n >>> 24}.${(n >>> 16) & 255}.${n & 0xffff}`,
    `${n >>> 24}.0x${(n & 0xffffff).toString(16)}`,
    `${octets(n).join(".")}.`,
  );

/** IPv6 notations that carry an IPv4 address and are judged by it. */
const v4CarriedInV6 = (n: number) => {
  const [hi, lo] = hex16(n);
  const dotted = octets(n).join(".");
  return fc.constantFrom(
    `::ffff:${dotted}`,
    `::ffff:${hi}:${lo}`,
    `::FFFF:${hi.toUpperCase()}:${lo.toUpperCase()}`,
    `0:0:0:0:0:ffff:${hi}:${lo}`,
    `0000:0000:0000:0000:0000:ffff:${dotted}`,
    `64:ff9b::${hi}:${lo}`,
    `64:ff9b::${dotted}`,
    `2002:${hi}:${lo}::`,
    `2002:${hi}:${lo}:1234::abcd`,
  );
};

/** IPv6 notations of an IPv4 address that are refused whatever it carries (deprecated or tunnels). */
const v4InRefusedV6 = (n: number) => {
  const [hi, lo] = hex16(n);
  return fc.constantFrom(
    `::${hi}:${lo}`,
    `::${octets(n).join(".")}`,
    `::ffff:0:${hi}:${lo}`, // IPv4-translated
    `2001:0:4136:e378:8000:63bf:${((~n >>> 16) & 0xffff).toString(16)}:${(~n & 0xffff).toString(16)}`, // Teredo, client address obfuscated
  );
};

const bracketed = (text: string) => (text.includes(":") ? `[${text}]` : text);

/** The three places that judge an address: the policy, the webhook URL check and the outgoing host check. */
async function refusedEverywhere(text: string) {
  expect(classifyAddress(text)?.allowed, text).toBe(false);
  expect(isRefusedAddress(text), text).toBe(true);
  const url = `http://${bracketed(text)}:8080/hook`;
  let parsed = true;
  try {
    new URL(url);
  } catch {
    parsed = false; // some notations are not URLs at all; the policy above still refuses them
  }
  if (parsed) {
    expect(checkEndpointUrl(url, false).ok, url).toBe(false);
    const host = new URL(url).hostname;
    expect(await resolveAllowedAddresses(host, { allowPrivate: false }), url).toMatchObject({
      ok: false,
      reason: "BLOCKED",
    });
  }
  expect(await resolveAllowedAddresses(bracketed(text), { allowPrivate: false }), text).toMatchObject({
    ok: false,
    reason: "BLOCKED",
  });
}

describe("the refused IPv4 ranges", () => {
  it("are the documented ones", () => {
    expect(v4Cidrs).toEqual(EXPECTED_REFUSED_V4);
  });

  it("are refused in every IPv4 notation", async () => {
    await fc.assert(
      fc.asyncProperty(
        refusedV4.chain((n) => v4Notation(n)),
        refusedEverywhere,
      ),
      RUNS,
    );
  });

  it("are refused inside IPv4-mapped, NAT64 and 6to4 IPv6 addresses", async () => {
    await fc.assert(
      fc.asyncProperty(
        refusedV4.chain((n) => v4CarriedInV6(n)),
        refusedEverywhere,
      ),
      RUNS,
    );
  });

  it("public IPv4 addresses are allowed in every notation, also when carried in IPv6", async () => {
    await fc.assert(
      fc.property(
        publicV4.chain((n) => fc.oneof(v4Notation(n), v4CarriedInV6(n))),
        (text) => {
          const verdict = classifyAddress(text);
          expect(verdict?.allowed, text).toBe(true);
          const url = `http://${bracketed(text)}/hook`;
          expect(checkEndpointUrl(url, false).ok, url).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("IPv4-compatible, IPv4-translated and Teredo addresses are refused whatever they carry", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(refusedV4, publicV4).chain((n) => v4InRefusedV6(n)),
        refusedEverywhere,
      ),
      RUNS,
    );
  });
});

// ---------- IPv6 ----------

/** Native IPv6 ranges that are refused (written out again here, see above). */
const EXPECTED_REFUSED_V6 = [
  "::/128",
  "::1/128",
  "::/96",
  "::ffff:0:0:0/96",
  "64:ff9b:1::/48",
  "100::/64",
  "2001::/32",
  "2001::/23",
  "2001:db8::/32",
  "3fff::/20",
  "5f00::/16",
  "fc00::/7",
  "fe80::/10",
  "fec0::/10",
  "ff00::/8",
];

/** A random address inside an IPv6 CIDR, as 8 groups. */
function v6In(cidr: string) {
  const [network, bits] = ipaddr.IPv6.parseCIDR(cidr);
  return fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((random) =>
    network.parts.map((part, i) => {
      const keep = Math.max(0, Math.min(16, bits - i * 16)); // bits of this group fixed by the prefix
      const mask = keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
      return (part & mask) | (random[i] & ~mask & 0xffff);
    }),
  );
}

/** Compressed, full, zero-padded and upper-case forms of the same IPv6 address. */
const v6Notation = (parts: number[]) => {
  const address = new ipaddr.IPv6(parts);
  return fc.constantFrom(
    address.toString(),
    address.toNormalizedString(),
    parts.map((part) => part.toString(16).padStart(4, "0")).join(":"),
    address.toString().toUpperCase(),
  );
};

describe("the refused IPv6 ranges", () => {
  it("are the documented ones", () => {
    expect(REFUSED_IPV6_RANGES.map((r) => r.cidr)).toEqual(EXPECTED_REFUSED_V6);
  });

  it("are refused in every notation", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...EXPECTED_REFUSED_V6)
          .chain(v6In)
          .chain(v6Notation),
        refusedEverywhere,
      ),
      RUNS,
    );
  });

  it("anything outside global unicast (2000::/3) is refused, carried IPv4 aside", async () => {
    const outside = v6In("::/0").filter((parts) => {
      const address = new ipaddr.IPv6(parts);
      const carries = ["::ffff:0:0/96", "64:ff9b::/96"].some((c) => address.match(ipaddr.IPv6.parseCIDR(c)));
      return !carries && !address.match(ipaddr.IPv6.parseCIDR("2000::/3"));
    });
    await fc.assert(fc.asyncProperty(outside.chain(v6Notation), refusedEverywhere), RUNS);
  });

  it("a zone id refuses any address", async () => {
    await fc.assert(
      fc.asyncProperty(v6In("2400::/6"), fc.constantFrom("eth0", "1", "lo"), async (parts, zone) => {
        const text = `${new ipaddr.IPv6(parts).toString()}%${zone}`;
        expect(classifyAddress(text)?.allowed, text).toBe(false);
        expect(classifyAddress(text.replace("%", "%25"))?.allowed, text).toBe(false);
      }),
      RUNS,
    );
  });

  it("global unicast addresses are allowed", () => {
    // 2400::/6 holds no special range (those are in 2001::/16, 2002::/16 and 3fff::/20).
    fc.assert(
      fc.property(v6In("2400::/6").chain(v6Notation), (text) => {
        expect(classifyAddress(text)?.allowed, text).toBe(true);
        expect(checkEndpointUrl(`https://[${text}]/hook`, false).ok, text).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("names", () => {
  it("refuses local names before any look-up; other text is not an address", async () => {
    for (const name of ["localhost", "LOCALHOST.", "api.localhost", "printer.local", "db.internal", "intranet"]) {
      expect(isLocalName(name), name).toBe(true);
      expect(classifyAddress(name), name).toBeNull();
      expect(await resolveAllowedAddresses(name, { allowPrivate: false }), name).toMatchObject({ reason: "BLOCKED" });
    }
    expect(isLocalName("doi.org")).toBe(false);
    expect(classifyAddress("doi.org")).toBeNull();
  });

  it("names the range in its answer (the cloud metadata address, the examples from the report)", () => {
    expect(classifyAddress("169.254.169.254")?.reason).toMatch(/link-local.*metadata/);
    expect(classifyAddress("::ffff:a9fe:a9fe")?.reason).toMatch(/metadata.*inside an IPv4-mapped/);
    expect(classifyAddress("::ffff:7f00:1")).toMatchObject({ allowed: false, address: "::ffff:7f00:1" });
    expect(classifyAddress("0177.0.0.1")).toMatchObject({ allowed: false, address: "127.0.0.1" });
    expect(classifyAddress("192.0.2.10")?.reason).toMatch(/documentation/);
    expect(classifyAddress("93.184.216.34")).toMatchObject({ allowed: true, reason: "" });
  });

  it("lets everything through when private addresses are allowed (tests against a local stub)", async () => {
    expect(await resolveAllowedAddresses("::ffff:127.0.0.1", { allowPrivate: true })).toEqual({
      ok: true,
      addresses: [{ address: "::ffff:7f00:1", family: 6 }],
    });
  });
});
