import { describe, expect, it } from "vitest";
import type { DocumentJson } from "./document-schema";
import type { ReferenceSnapshot } from "./reference-snapshot";
import { renderDocument, renderReferenceList } from "./render";
import { citationKeys, citationLocations, wordCount } from "./text";
import { referenceSnapshot } from "../../tests/helpers/reference-snapshot";

const ref = (key: string, extra: Partial<ReferenceSnapshot> = {}) =>
  referenceSnapshot(key, { title: `Title ${key}`, ...extra });
const cite = (refKey: string) => ({ type: "citation" as const, attrs: { refKey } });
const p = (...content: unknown[]) => ({ type: "paragraph" as const, content });

describe("renderDocument", () => {
  it("escapes every text and renders the allowed structure", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "<script>alert(1)</script>" }] },
        p({ type: "text", text: `a & "b"`, marks: [{ type: "bold" }, { type: "italic" }] }, { type: "hardBreak" }),
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [{ type: "listItem", content: [p({ type: "text", text: "x" })] }],
        },
        { type: "blockquote", content: [p({ type: "text", text: "q" })] },
      ],
    };
    const { html } = renderDocument(doc, []);
    expect(html).toContain("<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3>");
    expect(html).toContain("<p><strong><em>a &amp; &quot;b&quot;</em></strong><br></p>");
    expect(html).toContain('<ol start="3"><li><p>x</p></li></ol>');
    expect(html).toContain("<blockquote><p>q</p></blockquote>");
    expect(html).not.toContain("<script");
  });

  it("renders links with rel=nofollow noopener and escaped href, and refuses script URLs", () => {
    const link = (href: string) => ({
      type: "doc",
      content: [p({ type: "text", text: "go", marks: [{ type: "link", attrs: { href } }] })],
    });
    expect(renderDocument(link('https://example.org/?a=1&b="x"'), []).html).toBe(
      '<p><a href="https://example.org/?a=1&amp;b=&quot;x&quot;" rel="nofollow noopener">go</a></p>',
    );
    expect(() => renderDocument(link("javascript:alert(1)"), [])).toThrow(/http/);
  });

  it("numbers citations by first use, repeats share the number, uncited references come after", () => {
    const doc = {
      type: "doc",
      content: [p({ type: "text", text: "A" }, cite("b"), cite("a")), p(cite("b"), cite("missing"))],
    };
    const { html, orderedReferences } = renderDocument(doc, [ref("a"), ref("b"), ref("c")]);
    expect(orderedReferences.map((r) => [r.key, r.number, r.citedCount])).toEqual([
      ["b", 1, 2],
      ["a", 2, 1],
      ["c", 3, 0],
    ]);
    expect(html).toContain(
      '<sup class="citation"><a href="#ref-1" id="cite-1-1">1</a></sup><sup class="citation"><a href="#ref-2" id="cite-2-1">2</a></sup>',
    );
    expect(html).toContain('<a href="#ref-1" id="cite-1-2">1</a>');
    expect(html).toContain("citation-missing");
  });
});

describe("renderDocument's blocks", () => {
  it("returns each top-level block's HTML, numbered as in the whole document, in one pass", () => {
    const doc = {
      type: "doc",
      content: [
        p({ type: "text", text: "One" }, cite("b")),
        p({ type: "text", text: "Two\nlines" }, cite("a"), cite("b")),
      ],
    } as DocumentJson;
    const out = renderDocument(doc, [ref("a"), ref("b")]);
    expect(out.blocks).toHaveLength(2);
    expect(out.blocks.join("\n")).toBe(out.html);
    expect(out.blocks[1]).toContain("#ref-2"); // "a" is cited second, "b" keeps number 1
    expect(out.blocks[1]).toContain("#ref-1");
  });
});

describe("renderReferenceList", () => {
  it("renders the numbered list with ids and links for URL, DOI and PMID, all escaped", () => {
    const doc = { type: "doc", content: [p(cite("x"))] };
    const { orderedReferences } = renderDocument(doc, [
      ref("x", {
        authors: "Smith J, <b>Doe</b>",
        title: "Calcinosis cutis: a review",
        containerTitle: "J Clin Med",
        year: 2021,
        url: "https://example.org/paper",
        doi: "10.3390/jcm10010001",
        pmid: "33375123",
        accessedAt: "2026-01-02T00:00:00.000Z",
        peerReviewed: true,
      }),
    ]);
    const html = renderReferenceList(orderedReferences);
    expect(html).toMatch(/^<ol class="references"><li id="ref-1" value="1">/);
    expect(html).toContain("Smith J, &lt;b&gt;Doe&lt;/b&gt;");
    expect(html).toContain('href="https://example.org/paper" rel="nofollow noopener"');
    expect(html).toContain('href="https://doi.org/10.3390/jcm10010001"');
    expect(html).toContain('href="https://pubmed.ncbi.nlm.nih.gov/33375123/"');
    expect(html).toContain("Accessed 2 January 2026");
    expect(renderReferenceList([])).toBe("");
  });
});

describe("text helpers", () => {
  const doc: DocumentJson = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What is it?" }] },
      { type: "paragraph", content: [{ type: "text", text: "Calcium deposits in the skin's layers" }, cite("a")] },
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [{ type: "paragraph", content: [{ type: "text", text: "pain, ulcers" }, cite("a")] }],
          },
        ],
      },
    ],
  };
  it("counts words without citations", () => {
    expect(wordCount(doc)).toBe(3 + 6 + 2);
  });
  it("lists citation keys in order and where each key is cited", () => {
    expect(citationKeys(doc)).toEqual(["a", "a"]);
    expect(citationLocations(doc, "a").map((l) => l.blockIndex)).toEqual([1, 2]);
  });
});
