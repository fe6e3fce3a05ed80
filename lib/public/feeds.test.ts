import { describe, expect, it } from "vitest";
import { buildRssXml, buildSitemapXml } from "./feeds";
import { escapeXml } from "../content/escape-xml";
import type { PublicArticleSummary } from "./types";

const a: PublicArticleSummary = {
  slug: "calcinosis-cutis",
  locale: "en",
  title: "Calcinosis <Cutis> & “friends”",
  summary: "Deposits & <b>bumps</b>\u0001",
  conditionName: "Calcinosis cutis",
  firstPublishedAt: "2026-11-01T08:00:00.000Z",
  lastModifiedAt: "2026-11-20T09:30:00.000Z",
  reviewerName: "Dr. R",
  reviewerId: "rv1",
};

describe("feeds", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">&'\u0000`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  });

  it("sitemap lists home, policy, each article with its lastmod, and each reviewer once", () => {
    const xml = buildSitemapXml(
      [a, { ...a, slug: "other", lastModifiedAt: "2026-10-01T00:00:00.000Z" }],
      "https://h.example",
    );
    expect(xml).toContain("<loc>https://h.example/</loc><lastmod>2026-11-20</lastmod>");
    expect(xml).toContain("<loc>https://h.example/editorial-policy</loc>");
    expect(xml).toContain("<loc>https://h.example/conditions</loc>");
    expect(xml).toContain("<loc>https://h.example/articles/calcinosis-cutis</loc><lastmod>2026-11-20</lastmod>");
    expect(xml).toContain("<loc>https://h.example/articles/other</loc><lastmod>2026-10-01</lastmod>");
    expect(xml.match(/reviewers\/rv1/g)).toHaveLength(1);
  });

  it("sitemap lists only the languages given (the site's enabled ones) and their articles", () => {
    const es = { ...a, slug: "calcinosis-cutanea", locale: "es", reviewerId: "rv2" };
    const both = buildSitemapXml([a, es], "https://h.example", ["en", "es"]);
    expect(both).toContain("<loc>https://h.example/es/articles/calcinosis-cutanea</loc>");
    expect(both).toContain("<loc>https://h.example/es/editorial-policy</loc>");
    const englishOnly = buildSitemapXml([a, es], "https://h.example", ["en"]);
    expect(englishOnly).toContain("<loc>https://h.example/articles/calcinosis-cutis</loc>");
    expect(englishOnly).not.toContain("/es");
    expect(englishOnly).not.toContain("reviewers/rv2");
  });

  it("rss has one escaped item per article with its publication date", () => {
    const xml = buildRssXml([a], "https://h.example");
    expect(xml).toContain("<title>Calcinosis &lt;Cutis&gt; &amp; “friends”</title>");
    expect(xml).toContain("<description>Deposits &amp; &lt;b&gt;bumps&lt;/b&gt;</description>");
    expect(xml).toContain("<pubDate>Fri, 20 Nov 2026 09:30:00 GMT</pubDate>");
    expect(xml).toContain("<link>https://h.example/articles/calcinosis-cutis</link>");
    expect(xml).not.toMatch(/<b>/);
  });
});
