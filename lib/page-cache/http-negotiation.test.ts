import { describe, expect, it } from "vitest";
import { chooseEncoding, matchesIfNoneMatch } from "./http-negotiation";

describe("chooseEncoding", () => {
  it("prefers br, then gzip, then identity", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("deflate")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
    expect(chooseEncoding("")).toBe("identity");
  });
  it("honours q=0 and the wildcard", () => {
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0")).toBe("identity");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("GZIP;Q=1")).toBe("gzip");
  });
  it("answers the same for a header seen before (each value is parsed once), past the number it remembers", () => {
    for (let i = 0; i < 300; i++) expect(chooseEncoding(`gzip;q=0.5, x-coding-${i}`)).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0.1, gzip")).toBe("br");
  });
});

describe("matchesIfNoneMatch", () => {
  const etag = '"abc123"';
  it("matches the content tag and each coding's tag, weak or strong", () => {
    expect(matchesIfNoneMatch('"abc123"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"abc123-br"', etag)).toBe(true);
    expect(matchesIfNoneMatch('W/"abc123-gz"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"x", "abc123"', etag)).toBe(true);
    expect(matchesIfNoneMatch("*", etag)).toBe(true);
  });
  it("does not match other tags or nothing", () => {
    expect(matchesIfNoneMatch('"abc12"', etag)).toBe(false);
    expect(matchesIfNoneMatch('"abc123-zz"', etag)).toBe(false);
    expect(matchesIfNoneMatch("abc123", etag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
  });
});
