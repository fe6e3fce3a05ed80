import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../content/render";
import { toReferenceSnapshot } from "../content/reference-snapshot";
import { htmlToDocument } from "./html-to-document";
import { markdownToDocument } from "./markdown-to-document";
import { parseReferenceItem } from "./parse-reference-item";

const fixture = readFileSync(path.join(__dirname, "../../tests/fixtures/publisher-article.html"), "utf8");

describe("htmlToDocument", () => {
  const result = htmlToDocument(fixture);
  const json = JSON.stringify(result.doc);

  it("takes the title from the h1 and keeps headings, lists, emphasis, links and quotes", () => {
    expect(result.title).toBe("Calcinosis Cutis: Causes, Symptoms, Treatment");
    const types = result.doc.content.map((b) => (b.type === "heading" ? `h${b.attrs.level}` : b.type));
    expect(types).toEqual([
      "paragraph",
      "h2",
      "paragraph",
      "h2",
      "bulletList",
      "h3",
      "orderedList",
      "blockquote",
      "paragraph",
      "paragraph",
    ]);
    expect(result.doc.content[0]).toMatchObject({
      content: [
        { type: "text", text: "Calcinosis cutis is a " },
        { type: "text", text: "rare", marks: [{ type: "bold" }] },
        { type: "text", text: " condition in which " },
        { type: "text", text: "calcium deposits", marks: [{ type: "italic" }] },
        { type: "text", text: " form in the skin." },
        { type: "citation", attrs: { refKey: "medlineplus" } },
      ],
    });
    const list = result.doc.content[4];
    expect(list.type === "bulletList" && list.content.length).toBe(3);
    expect(JSON.stringify(list)).toContain('"bulletList"'); // nested list kept
    expect(result.doc.content[6]).toMatchObject({ type: "orderedList", attrs: { start: 3 } });
    expect(json).toContain('"href":"https://medlineplus.gov/ency/article/000477.htm"');
  });

  it("cleans: no scripts, styles, iframes, event handlers, nav/footer or script links survive", () => {
    for (const bad of [
      "alert",
      "track",
      "steal",
      "iframe",
      "onclick",
      "onmouseover",
      "javascript",
      "color:red",
      "Home",
      "© Example",
      "x.png",
    ])
      expect(json).not.toContain(bad);
    expect(result.warnings.join(" ")).toMatch(/Images are not imported/);
    // Listed for the writer, never fetched and never in the body.
    expect(result.images).toEqual([{ src: "x.png", alt: "lesion" }]);
    expect(result.warnings.join(" ")).toMatch(/Scripts, frames/);
  });

  it("turns the trailing References list into structured references and maps [n] and <sup>n</sup> to them", () => {
    expect(result.references).toHaveLength(2);
    expect(result.references[0]).toMatchObject({
      key: "medlineplus",
      // A known site named first is the publisher, as the demo article records MedlinePlus.
      authors: "",
      containerTitle: "MedlinePlus",
      title: "Calcinosis cutis",
      url: "https://medlineplus.gov/ency/article/000477.htm",
      year: null,
      needsDetails: false,
    });
    expect(result.references[0].accessedAt?.toISOString().slice(0, 10)).toBe("2024-03-03");
    expect(result.references[1]).toMatchObject({
      key: "smith2021",
      authors: "Smith J, Doe A",
      title: "Calcinosis cutis: a comprehensive review",
      containerTitle: "J Clin Med",
      year: 2021,
      doi: "10.3390/jcm10051012",
      pmid: "33802467",
    });
    expect(json).not.toContain("References");
    const { orderedReferences } = renderDocument(result.doc, result.references.map(toReferenceSnapshot));
    expect(orderedReferences.map((r) => [r.key, r.citedCount])).toEqual([
      ["medlineplus", 2],
      ["smith2021", 1],
    ]);
  });
});

describe("reference lists in the shapes real pages use", () => {
  const page = (tail: string) =>
    `<html><body><article><h1>Gout</h1><p>Gout is a painful arthritis [1]. Attacks often start at night [2].</p>${tail}</article></body></html>`;

  it("numbered paragraphs at the end, without a heading, become references ([1], 1. and 1) prefixes)", () => {
    for (const prefix of [(n: number) => `[${n}]`, (n: number) => `${n}.`, (n: number) => `${n})`]) {
      const result = htmlToDocument(
        page(
          `<p>${prefix(1)} Dalbeth N, Merriman TR, Stamp LK. Gout. Lancet. 2016;388(10055):2039-52. doi:10.1016/S0140-6736(16)00346-9</p>` +
            `<p>${prefix(2)} Gout - NHS. <a href="https://www.nhs.uk/conditions/gout/">https://www.nhs.uk/conditions/gout/</a></p>`,
        ),
      );
      expect(result.references).toHaveLength(2);
      expect(result.references[0]).toMatchObject({
        authors: "Dalbeth N, Merriman TR, Stamp LK",
        title: "Gout",
        containerTitle: "Lancet",
        year: 2016,
        doi: "10.1016/S0140-6736(16)00346-9",
      });
      // Title and publisher run together.
      expect(result.references[1]).toMatchObject({
        title: "Gout",
        containerTitle: "NHS",
        url: "https://www.nhs.uk/conditions/gout/",
      });
      const json = JSON.stringify(result.doc);
      expect(json).toContain('"type":"citation"');
      expect(json).not.toContain("Lancet");
    }
  });

  it("a label paragraph (<p><strong>Sources</strong></p>) and an unordered list", () => {
    const result = htmlToDocument(
      page(
        "<p><strong>Sources:</strong></p><ul>" +
          "<li>Richette P, Doherty M, Pascual E, et al. 2016 updated EULAR evidence-based recommendations for the management of gout. Ann Rheum Dis. 2017;76(1):29-42.</li>" +
          "<li>Gout: Symptoms and causes | Mayo Clinic. https://www.mayoclinic.org/diseases-conditions/gout/symptoms-causes/syc-20372897</li></ul>",
      ),
    );
    expect(result.references.map((r) => [r.title, r.containerTitle])).toEqual([
      ["2016 updated EULAR evidence-based recommendations for the management of gout", "Ann Rheum Dis"],
      ["Gout: Symptoms and causes", "Mayo Clinic"],
    ]);
    expect(JSON.stringify(result.doc)).not.toContain("Sources");
  });

  it("a final ordered list of references without a heading; ordinary closing paragraphs are left alone", () => {
    const listed = htmlToDocument(
      page(
        "<ol><li>Neogi T. Gout. N Engl J Med. 2011;364(5):443-52. PMID: 21288096</li><li>Roddy E, Choi HK. Epidemiology of gout. Rheum Dis Clin North Am. 2014;40(2):155-75.</li></ol>",
      ),
    );
    expect(listed.references.map((r) => r.pmid ?? r.year)).toEqual(["21288096", 2014]);
    const prose = htmlToDocument(
      page("<p>1. Rest the joint.</p><p>2. Drink water and see your doctor if it gets worse.</p>"),
    );
    expect(prose.references).toEqual([]);
    expect(JSON.stringify(prose.doc)).toContain("Rest the joint");
  });
});

describe("markdownToDocument", () => {
  it("imports Markdown with headings, lists, links, emphasis and a references list", () => {
    const md = `# Gout\n\nGout is **painful** and *common* [1].\n\n## Causes\n\n- Uric acid\n- Diet\n\n1. First\n2. Second\n\n> Quoted\n\n<script>alert(1)</script>\n\n[Link](https://example.org) and [bad](javascript:alert(1))\n\n## References\n\n1. Doe A. Gout review. Lancet. 2019;1:1. https://example.org/gout\n`;
    const r = markdownToDocument(md);
    expect(r.title).toBe("Gout");
    const types = r.doc.content.map((b) => b.type);
    expect(types).toEqual(["paragraph", "heading", "bulletList", "orderedList", "blockquote", "paragraph"]);
    expect(JSON.stringify(r.doc)).not.toContain("alert(1)</script>");
    expect(JSON.stringify(r.doc)).not.toMatch(/"href":"javascript/);
    expect(JSON.stringify(r.doc)).toContain('"citation","attrs":{"refKey":"doe2019"}');
    expect(r.references[0]).toMatchObject({
      authors: "Doe A",
      title: "Gout review",
      containerTitle: "Lancet",
      year: 2019,
      url: "https://example.org/gout",
    });
  });

  it("keeps unmatched citation numbers as text when there is no reference list", () => {
    const r = markdownToDocument("Text [3].");
    expect(r.doc.content[0]).toEqual({ type: "paragraph", content: [{ type: "text", text: "Text [3]." }] });
    expect(r.references).toEqual([]);
  });
});

describe("parseReferenceItem", () => {
  it("reads APA style and pubmed/doi links", () => {
    const { data } = parseReferenceItem({
      text: "Reiter, N., El-Shabrawi, L., & Leinweber, B. (2011). Calcinosis cutis: part I. Journal of the American Academy of Dermatology, 65(1), 1-12.",
      hrefs: ["https://doi.org/10.1016/j.jaad.2010.08.038", "https://pubmed.ncbi.nlm.nih.gov/21679810/"],
    });
    expect(data).toMatchObject({
      year: 2011,
      title: "Calcinosis cutis: part I",
      containerTitle: "Journal of the American Academy of Dermatology",
      doi: "10.1016/j.jaad.2010.08.038",
      pmid: "21679810",
    });
    expect(data.authors).toMatch(/^Reiter, N\./);
  });
});

describe("importArticle", async () => {
  const { afterAll } = await import("vitest");
  const { createTestDb } = await import("../../tests/helpers/test-db");
  const { makeUser } = await import("../../tests/helpers/factory");
  const { importArticle } = await import("./import-article");
  const t = createTestDb();
  afterAll(() => t.cleanup());

  it("creates the article with its body and structured references in one go", async () => {
    const w = await makeUser(t.db);
    const { article, warnings, referenceCount } = await importArticle(t.db, w, { source: fixture });
    expect(referenceCount).toBe(2);
    expect(warnings.length).toBeGreaterThan(0);
    expect(article.slug).toBe("calcinosis-cutis-causes-symptoms-treatment");
    const refs = await t.db.reference.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" } });
    expect(refs.map((r) => r.key)).toEqual(["medlineplus", "smith2021"]);
    const draft = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(draft.title).toBe("Calcinosis Cutis: Causes, Symptoms, Treatment");
    expect(draft.bodyJson).toContain('"refKey":"smith2021"');
  });

  it("stores the seed-shaped page's entries with their needs-details flag and the text as imported", async () => {
    const w = await makeUser(t.db);
    const seedShaped = readFileSync(path.join(__dirname, "../../tests/fixtures/seed-shaped-article.html"), "utf8");
    const { article, summary } = await importArticle(t.db, w, { source: seedShaped });
    expect(summary).toMatchObject({ references: 2, needDetails: 2, citationsLinked: 2 });
    const refs = await t.db.reference.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" } });
    expect(refs.map((r) => [r.containerTitle, r.title, r.needsDetails, r.importedText])).toEqual([
      [
        "MedlinePlus",
        "Calcinosis",
        true,
        "MedlinePlusCalcinosis: Calcium deposits in the skin and the tissue under it",
      ],
      [
        "Journal of Clinical Medicine",
        "Calcinosis cutis",
        true,
        "Journal of Clinical MedicineCalcinosis cutis: A comprehensive review of types, causes and treatment",
      ],
    ]);
  });

  it("asks for a title when the source has none, and refuses reviewers", async () => {
    const w = await makeUser(t.db);
    await expect(importArticle(t.db, w, { source: "just text" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { title: expect.any(Array) },
    });
    const r = await makeUser(t.db, { roles: ["REVIEWER"] });
    await expect(importArticle(t.db, r, { source: "# Title\n\ntext" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("importMany", async () => {
  const { afterAll } = await import("vitest");
  const { createTestDb } = await import("../../tests/helpers/test-db");
  const { makeUser } = await import("../../tests/helpers/factory");
  const { importMany } = await import("./import-many");
  const t = createTestDb();
  afterAll(() => t.cleanup());

  it("imports each file as its own article and reports the ones it cannot import", async () => {
    const w = await makeUser(t.db);
    const seen: string[] = [];
    const outcomes = await importMany(
      t.db,
      w,
      [
        { name: "a.html", source: fixture },
        { name: "no-title.md", source: "just a paragraph" },
        {
          name: "b.md",
          source:
            "# Gout\n\nPainful joints [1].\n\n## References\n\n1. Doe A. Gout. Lancet. 2019. https://example.org/g\n",
        },
      ],
      (o) => seen.push(o.name),
    );
    expect(seen).toEqual(["a.html", "no-title.md", "b.md"]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: expect.stringMatching(/no title/) });
    expect(outcomes[2]).toMatchObject({ ok: true, slug: "gout", referenceCount: 1 });
    expect(await t.db.article.count()).toBe(2);
  });
});
