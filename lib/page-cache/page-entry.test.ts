import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildPageEntry, etagFor, keptHeaders, unstorableReason } from "./page-entry";

describe("buildPageEntry", () => {
  const body = Buffer.from("<!DOCTYPE html><p>" + "Calcinosis cutis. ".repeat(200) + "</p>");
  const entry = buildPageEntry({
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", vary: "rsc, Accept-Encoding", "x-nextjs-cache": "MISS" },
    body,
    counter: 3,
  });

  it("holds the same bytes in every coding", () => {
    expect(entry.bodies.identity.equals(body)).toBe(true);
    expect(gunzipSync(entry.bodies.gzip).equals(body)).toBe(true);
    expect(brotliDecompressSync(entry.bodies.br).equals(body)).toBe(true);
    expect(entry.bodies.br.length).toBeLessThan(body.length / 5);
  });

  it("has a strong ETag from the content, with a suffix per coding", () => {
    expect(entry.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagFor(entry, "identity")).toBe(entry.etag);
    expect(etagFor(entry, "br")).toBe(entry.etag.slice(0, -1) + '-br"');
    const again = buildPageEntry({ status: 200, headers: {}, body: Buffer.from(body), counter: 4 });
    expect(again.etag).toBe(entry.etag); // same page after an unrelated publish: browsers keep their copy
  });

  it("replays Next's headers but not per-response or cache ones, and varies on Accept-Encoding", () => {
    expect(entry.headers).toEqual([
      ["content-type", "text/html; charset=utf-8"],
      ["vary", "rsc, Accept-Encoding"],
    ]);
    expect(keptHeaders({ "content-type": "text/xml", "set-cookie": undefined })).toEqual([
      ["content-type", "text/xml"],
      ["vary", "Accept-Encoding"],
    ]);
    expect(keptHeaders({ vary: "rsc" })).toEqual([["vary", "rsc, Accept-Encoding"]]);
  });
});

describe("unstorableReason", () => {
  const html = { "content-type": "text/html; charset=utf-8" };
  it("stores plain 200 documents only", () => {
    expect(unstorableReason(200, html)).toBeNull();
    expect(unstorableReason(200, { "content-type": "application/rss+xml; charset=utf-8" })).toBeNull();
    expect(unstorableReason(404, html)).toMatch(/status/);
    expect(unstorableReason(200, { ...html, "set-cookie": ["a=b"] })).toMatch(/cookie/);
    expect(unstorableReason(200, { ...html, "content-security-policy": "script-src 'nonce-abc'" })).toMatch(/nonce/);
    expect(unstorableReason(200, { ...html, "content-encoding": "gzip" })).toMatch(/encoded/);
    expect(unstorableReason(200, { "content-type": "image/png" })).toMatch(/content type/);
  });
});
