import { describe, expect, it } from "vitest";
import { clientAddress, SOCKET_ADDRESS_HEADER, trustedProxyHops } from "./client-address";

const h = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("is the socket address by default, whatever X-Forwarded-For claims", () => {
    const headers = h({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "1.2.3.4, 5.6.7.8" });
    expect(clientAddress(headers, 0)).toBe("198.51.100.7");
  });

  it("with one trusted proxy, is the address that proxy appended", () => {
    const headers = h({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddress(headers, 1)).toBe("203.0.113.9");
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.9" }), 1)).toBe(
      "203.0.113.9",
    );
  });

  it("with two trusted proxies, skips both", () => {
    const headers = h({ [SOCKET_ADDRESS_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(headers, 2)).toBe("203.0.113.9");
  });

  it("never reads further left than the chain goes", () => {
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2" }), 3)).toBe("10.0.0.2");
  });

  it("without the socket stamp falls back to the last X-Forwarded-For entry (what next start fills in)", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddress(h({}), 0)).toBe("unknown");
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 one", () => {
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "::ffff:203.0.113.9" }), 0)).toBe("203.0.113.9");
  });
});

describe("trustedProxyHops", () => {
  it("reads a small whole number and ignores anything else", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(trustedProxyHops("-1")).toBe(0);
    expect(trustedProxyHops("1.5")).toBe(0);
    expect(trustedProxyHops("lots")).toBe(0);
    expect(trustedProxyHops("99")).toBe(0);
  });
});
