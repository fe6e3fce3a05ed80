import { describe, expect, it } from "vitest";
import { cacheablePageKind } from "./cacheable-request";

describe("cacheablePageKind", () => {
  it("takes anonymous document requests for readers' pages and feeds", () => {
    for (const url of [
      "/",
      "/articles/calcinosis-cutis",
      "/reviewers/cmx3as9fh0001",
      "/editorial-policy",
      "/conditions",
    ])
      expect(cacheablePageKind("GET", url, {})).toBe("page");
    expect(cacheablePageKind("HEAD", "/rss.xml", {})).toBe("feed");
    expect(cacheablePageKind("GET", "/sitemap.xml", { cookie: "theme=dark; next-auth.csrf-token=x" })).toBe("feed");
  });

  it("leaves everything else to Next", () => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ["POST", "/articles/a", {}],
      ["GET", "/articles/a?x=1", {}],
      ["GET", "/articles/a/", {}],
      ["GET", "/studio", {}],
      ["GET", "/api/feedback", {}],
      ["GET", "/search", {}],
      ["GET", "/_next/static/chunks/a.js", {}],
      ["GET", "/articles/a", { cookie: "next-auth.session-token=abc" }],
      ["GET", "/articles/a", { cookie: "a=1; __Secure-next-auth.session-token.0=abc" }],
      ["GET", "/articles/a", { authorization: "Bearer x" }],
      ["GET", "/articles/a", { rsc: "1" }],
      ["GET", "/articles/a", { "next-router-prefetch": "1" }],
      ["GET", "/articles/a", { "next-action": "abc" }],
    ];
    for (const [method, url, headers] of cases)
      expect(cacheablePageKind(method, url, headers), `${method} ${url}`).toBeNull();
  });
});
