import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

const SITE = "https://cms.example.org";

describe("safeCallbackPath", () => {
  it.each([
    ["/studio", "/studio"],
    ["/studio/articles/abc/edit?tab=refs#r2", "/studio/articles/abc/edit?tab=refs#r2"],
    ["/studio/feedback?q=caf%C3%A9", "/studio/feedback?q=caf%C3%A9"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
    expect(safeCallbackPath(value, SITE)).toBe(expected);
  });

  it("accepts an absolute URL on the site's own origin and returns its path", () => {
    expect(safeCallbackPath(`${SITE}/studio/inbox?x=1`, SITE)).toBe("/studio/inbox?x=1");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "/\\/evil.example/",
    "/%5Cevil.example/",
    "/%5cevil.example/",
    "/%09/evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/%0a/evil.example/",
    "/%2F/evil.example/",
    "/%2f%2fevil.example",
    "/%252F%252Fevil.example",
    "/%25255Cevil.example",
    "/.//evil.example",
    "/%2e%2f%2fevil.example",
    "/ /evil.example",
    "javascript:alert(1)",
    "/%E0%A4%A",
    "http://cms.example.org.evil.example/",
    "https://user:pass@cms.example.org/studio",
    "http://cms.example.org/studio", // another scheme is another origin
    "studio",
    "",
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value, SITE)).toBe("/studio");
  });

  it("refuses absolute URLs when no site origin is given", () => {
    expect(safeCallbackPath(`${SITE}/studio/inbox`)).toBe("/studio");
  });

  it("uses the given fallback", () => {
    expect(safeCallbackPath(undefined, SITE, "/")).toBe("/");
    expect(safeCallbackPath(42, SITE, "/")).toBe("/");
  });
});
