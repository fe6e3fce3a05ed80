import { describe, expect, it } from "vitest";
import {
  appContentSecurityPolicy,
  collabOrigin,
  isAppPath,
  newNonce,
  publicContentSecurityPolicy,
  servedOverHttps,
} from "./security-headers";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("security headers", () => {
  it("gives the studio, account and sign-in pages the nonce policy, and nothing else", () => {
    for (const path of ["/studio", "/studio/articles/x/edit", "/account/two-factor", "/signin", "/invite"])
      expect(isAppPath(path), path).toBe(true);
    for (const path of ["/", "/articles/studio", "/studios", "/search", "/api/feedback", "/rss.xml"])
      expect(isAppPath(path), path).toBe(false);
  });

  it("lets only nonce-carrying scripts run on app pages, never inline script without it", () => {
    const policy = appContentSecurityPolicy("abc123", { https: false });
    expect(directive(policy, "script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(directive(policy, "frame-ancestors")).toBe("'none'");
    expect(directive(policy, "connect-src")).toBe("'self'");
    expect(appContentSecurityPolicy("n", { https: false, development: true })).toContain("'unsafe-eval'");
  });

  it("allows no inline script at all on public pages, and no nonce (the page cache stores them)", () => {
    const policy = publicContentSecurityPolicy({ https: false });
    expect(directive(policy, "script-src")).toBe("'self'");
    expect(policy).not.toContain("nonce");
    expect(directive(policy, "object-src")).toBe("'none'");
    expect(directive(policy, "frame-ancestors")).toBe("'none'");
  });

  it("upgrades insecure requests only on an HTTPS site", () => {
    expect(publicContentSecurityPolicy({ https: true })).toContain("upgrade-insecure-requests");
    expect(publicContentSecurityPolicy({ https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("knows the site is HTTPS from its configured URL", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "https://cms.example.org" })).toBe(true);
    expect(servedOverHttps({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps({ SITE_URL: "https://cms.example.org" })).toBe(true);
    expect(servedOverHttps({})).toBe(false);
  });

  it("names a separately hosted co-editing server in connect-src (same origin needs nothing)", () => {
    expect(collabOrigin("wss://collab.example.org/collab")).toBe("wss://collab.example.org");
    expect(collabOrigin(undefined)).toBeNull();
    expect(collabOrigin("not a url")).toBeNull();
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
