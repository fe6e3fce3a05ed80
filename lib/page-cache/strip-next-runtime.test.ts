import { describe, expect, it } from "vitest";
import { stripNextRuntime } from "./strip-next-runtime";

// Shaped like Next 16's output for a readers' page (head chunks, preload, noModule polyfill, bootstrap, RSC
// payload pushes), with the two kinds of script that must survive.
const page =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/x.js"/>' +
  '<script src="/_next/static/chunks/a.js" async=""></script><title>T</title>' +
  '<script src="/_next/static/chunks/p.js" noModule=""></script></head><body>' +
  '<main><p>Text with &lt;script&gt; in it.</p><script type="application/ld+json">{"a":"\\u003c/script\\u003e"}</script>' +
  '<script src="/islands/feedback.js" defer="" data-island=""></script></main>' +
  '<script id="_R_">(globalThis["TURBOPACK"] || []).push({})</script>' +
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
  '<script>self.__next_f.push([1,"0:{\\"a\\":\\"\\u003cdiv\\u003e\\"}\\n"])</script></body></html>';

describe("stripNextRuntime", () => {
  const out = stripNextRuntime(page);
  it("removes Next's chunks, preloads, bootstrap and RSC payload", () => {
    expect(out).not.toContain("/_next/static/chunks/a.js");
    expect(out).not.toContain("/_next/static/chunks/x.js");
    expect(out).not.toContain("noModule");
    expect(out).not.toContain("TURBOPACK");
    expect(out).not.toContain("__next_f");
  });
  it("keeps styles, text, JSON-LD and island scripts", () => {
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>');
    expect(out).toContain("Text with &lt;script&gt; in it.");
    expect(out).toContain('<script type="application/ld+json">{"a":"\\u003c/script\\u003e"}</script>');
    expect(out).toContain('<script src="/islands/feedback.js" defer="" data-island=""></script>');
    expect(out.endsWith("</main></body></html>")).toBe(true);
  });
  it("leaves a page without scripts as it is", () => {
    expect(stripNextRuntime("<p>plain</p>")).toBe("<p>plain</p>");
  });
});
