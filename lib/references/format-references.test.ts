import { describe, expect, it } from "vitest";
import type { ReferenceSnapshot } from "../content/reference-snapshot";
import { formatReferences, parseAuthorNames } from "./format-references";

const journal: ReferenceSnapshot = {
  key: "smith2019",
  authors: "Smith JA, Jones K",
  title: "Aspirin for <primary> prevention",
  containerTitle: "The Lancet",
  year: 2019,
  url: null,
  doi: "10.1016/S0140-6736(19)31234-5",
  pmid: "31234567",
  accessedAt: null,
  peerReviewed: true,
};
const webpage: ReferenceSnapshot = {
  key: "who2023",
  authors: "World Health Organization",
  title: "High blood pressure",
  containerTitle: "WHO",
  year: 2023,
  url: "https://www.who.int/news?a=1&b=2",
  doi: null,
  pmid: null,
  accessedAt: "2024-03-05T00:00:00.000Z",
  peerReviewed: false,
};

describe("formatReferences", () => {
  it("writes Vancouver: initials without points, [Internet] and the cited date for web pages", () => {
    const out = formatReferences([journal, webpage], "vancouver");
    expect(out.get("smith2019")).toMatch(/^Smith JA, Jones K\. Aspirin for &#60;primary&#62; prevention\. The Lancet/);
    expect(out.get("who2023")).toContain(
      "World Health Organization. High blood pressure [Internet]. WHO. 2023 [cited 2024 Mar 5]",
    );
  });

  it("writes AMA with the journal in italics and the DOI printed as doi: and linked", () => {
    const out = formatReferences([journal], "ama").get("smith2019")!;
    expect(out).toContain("<i>The Lancet</i>");
    expect(out).toContain('doi:<a href="https://doi.org/10.1016/S0140-6736(19)31234-5"');
  });

  it("writes APA with author initials, the year in brackets and the DOI as a link", () => {
    const out = formatReferences([journal], "apa").get("smith2019")!;
    expect(out).toMatch(/^Smith, J\. A\., &#38; Jones, K\. \(2019\)\./);
    expect(out).toContain(
      '<a href="https://doi.org/10.1016/S0140-6736(19)31234-5" rel="nofollow noopener">https://doi.org/',
    );
  });

  it("keeps text escaped, links printed URLs once and appends the PMID link the style leaves out", () => {
    for (const style of ["vancouver", "ama", "apa"] as const) {
      const out = formatReferences([journal, webpage], style);
      expect(out.get("smith2019")).not.toContain("<primary>");
      expect(out.get("smith2019")).toContain('href="https://pubmed.ncbi.nlm.nih.gov/31234567/"');
      expect(out.get("smith2019")).toContain("Peer-reviewed.");
      const web = out.get("who2023")!;
      expect(web.match(/href="https:\/\/www\.who\.int\/news\?a=1&amp;b=2"/g)).toHaveLength(1);
      // Only the processor's emphasis tags and our links survive.
      expect(web.replace(/<\/?(i|b|a)\b[^>]*>|<span class="ref-peer-reviewed">|<\/span>/g, "")).not.toMatch(/<[a-z]/);
    }
  });

  it("gives every reference an entry, even with no author or year", () => {
    const bare = { ...webpage, key: "bare", authors: "", year: null, url: null, containerTitle: "" };
    expect(formatReferences([bare], "vancouver").get("bare")).toBe("High blood pressure.");
    expect(formatReferences([], "apa").size).toBe(0);
  });
});

describe("parseAuthorNames", () => {
  it("reads the common ways of typing authors", () => {
    expect(parseAuthorNames("Smith JA, Jones K, et al.")).toEqual([
      { family: "Smith", given: "J. A." },
      { family: "Jones", given: "K." },
    ]);
    expect(parseAuthorNames("Smith, John; Jones, Kate")).toEqual([
      { family: "Smith", given: "John" },
      { family: "Jones", given: "Kate" },
    ]);
    expect(parseAuthorNames("John Smith and Kate Jones")).toEqual([
      { family: "Smith", given: "John" },
      { family: "Jones", given: "Kate" },
    ]);
    expect(parseAuthorNames("National Institute for Health and Care Excellence")).toEqual([
      { literal: "National Institute for Health and Care Excellence" },
    ]);
    expect(parseAuthorNames("  ")).toEqual([]);
  });
});
