// Sources in the shapes real health pages use them (issue 21): no heading, no URL, publisher and title run
// together, other languages' headings, consumer-site lines, markers in brackets, parentheses, superscripts,
// footnotes and author–date, and what is never a source.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runContentChecks } from "../checks/run-checks";
import { htmlToDocument } from "./html-to-document";
import { markdownToDocument } from "./markdown-to-document";
import { splitPublisherTitle, SEAM } from "./split-publisher-title";
import { splitMarkers } from "./citation-markers";

const seedShaped = readFileSync(path.join(__dirname, "../../tests/fixtures/seed-shaped-article.html"), "utf8");
const citations = (doc: unknown) => JSON.stringify(doc).match(/"type":"citation"/g)?.length ?? 0;
const page = (body: string) => `<html><body><article><h1>Gout</h1>${body}</article></body></html>`;

describe("the seed-shaped page: numbered paragraphs at the end, no heading, no URL, publisher and title run together", () => {
  const result = htmlToDocument(seedShaped);

  it("yields one structured reference per paragraph, split into publisher and title, each needing details", () => {
    expect(
      result.references.map((r) => ({
        containerTitle: r.containerTitle,
        title: r.title,
        needsDetails: r.needsDetails,
        url: r.url,
      })),
    ).toEqual([
      { containerTitle: "MedlinePlus", title: "Calcinosis", needsDetails: true, url: null },
      { containerTitle: "Journal of Clinical Medicine", title: "Calcinosis cutis", needsDetails: true, url: null },
    ]);
    // The reference keeps the entry as the page showed it.
    expect(result.references[0].importedText).toBe(
      "MedlinePlusCalcinosis: Calcium deposits in the skin and the tissue under it",
    );
    expect(JSON.stringify(result.doc)).not.toContain("MedlinePlusCalcinosis");
  });

  it("links the superscript markers and tells the writer what it did", () => {
    expect(citations(result.doc)).toBe(2);
    expect(result.summary).toMatchObject({
      references: 2,
      needDetails: 2,
      citationsLinked: 2,
      sections: ["no heading"],
      splits: [
        { publisher: "MedlinePlus", title: "Calcinosis" },
        { publisher: "Journal of Clinical Medicine", title: "Calcinosis cutis" },
      ],
    });
  });

  it("the checks flag the “Treatment Includes:” heading followed by prose, and no run-together word", () => {
    const { findings } = runContentChecks({
      title: result.title,
      summary: "Calcium deposits in the skin.",
      body: result.doc,
      references: result.references,
    });
    expect(findings.filter((f) => f.rule === "heading-without-list").map((f) => f.location.excerpt)).toEqual([
      "Treatment Includes:",
    ]);
    expect(findings.filter((f) => f.rule === "spelling" && /[a-z][A-Z]/.test(f.subject ?? ""))).toEqual([]);
  });
});

describe("splitPublisherTitle", () => {
  it("splits a known publisher, an acronym, an element boundary or a change of case; the description is left out", () => {
    expect(splitPublisherTitle("Mayo ClinicCalcium deposits: what they are")).toMatchObject({
      publisher: "Mayo Clinic",
      title: "Calcium deposits",
      description: "what they are",
      by: "known-publisher",
    });
    expect(splitPublisherTitle("NHSKidney disease and bone health: why it matters")).toMatchObject({
      publisher: "NHS",
      title: "Kidney disease and bone health",
    });
    expect(splitPublisherTitle(`Kidney Care uk${SEAM}kidney stones: a guide`)).toBeNull(); // no capital: not a title
    expect(splitPublisherTitle(`Kidney Care UK${SEAM}Kidney stones: a guide`)).toMatchObject({
      publisher: "Kidney Care UK",
      title: "Kidney stones",
      by: "element-boundary",
    });
    expect(splitPublisherTitle("Northfield Skin FoundationCalcinosis: a guide")).toMatchObject({
      publisher: "Northfield Skin Foundation",
      title: "Calcinosis",
      by: "case-change",
    });
  });

  it("leaves ordinary citations and camel-case names alone", () => {
    for (const entry of [
      "Smith J, Doe A. Calcinosis cutis: a review. J Clin Med. 2021;10(5):1012.",
      "MedlinePlus. Calcinosis. https://medlineplus.gov/",
      "McArdle disease: a guide for patients",
      "HbA1c and eGFR: what the numbers mean",
      "Calcinosis cutis",
      "WebMD: “Hives.”",
    ])
      expect(splitPublisherTitle(entry), entry).toBeNull();
  });
});

describe("source sections in the shapes pages use", () => {
  it("headings in other languages, a “SOURCES:” label with <br> lines, “Resources”, and “Further reading”", () => {
    for (const label of [
      "Referencias",
      "Fuentes:",
      "Quellen",
      "Literatur",
      "Bibliographie",
      "Références",
      "Resources",
    ]) {
      const r = htmlToDocument(
        page(`<p>Text [1].</p><h2>${label}</h2><ol><li>Org One. Gout guide. 2020.</li><li>Org Two. Gout.</li></ol>`),
      );
      expect(
        r.references.map((x) => x.title),
        label,
      ).toEqual(["Gout guide", "Gout"]);
      expect(r.summary.sections, label).toEqual([label]);
    }
    const webmd = htmlToDocument(
      page(
        "<p>Hives itch.</p><p>SOURCES:<br>American Academy of Dermatology: “Hives: Diagnosis and treatment.”<br>Mayo Clinic: “Chronic hives,” “Angioedema.”</p><p>Reviewed by A. Doctor, MD on May 2, 2023</p>",
      ),
    );
    expect(webmd.references.map((r) => [r.containerTitle, r.title, r.needsDetails])).toEqual([
      ["American Academy of Dermatology", "Hives: Diagnosis and treatment", true],
      ["Mayo Clinic", "Chronic hives", true],
    ]);
    expect(JSON.stringify(webmd.doc)).toContain("Reviewed by");
  });

  it("keeps an unrecognisable entry of a source list as a reference that needs details", () => {
    const r = htmlToDocument(
      page(
        "<p>Rest helps [1]. So does ice [2].</p><h2>References</h2><ol><li>Neogi T. Gout. N Engl J Med. 2011;364(5):443-52.</li><li>Leaflet handed out by the hospital pharmacy</li></ol>",
      ),
    );
    expect(r.references.map((x) => [x.title, x.needsDetails])).toEqual([
      ["Gout", true],
      ["Leaflet handed out by the hospital pharmacy", true],
    ]);
    expect(citations(r.doc)).toBe(2);
  });

  it("“Related pages”, “See also”, navigation, share links and review dates are not sources", () => {
    const r = htmlToDocument(
      page(
        `<p>Gout hurts.<sup>1</sup></p><p>1. NHSGout: symptoms and treatment</p><p>2. Versus ArthritisGout: a guide</p>` +
          `<h2>Related pages</h2><ul><li><a href="https://example.org/a">Pseudogout</a></li></ul>` +
          `<p><a href="https://share.example/fb">Share on Facebook</a> <a href="https://share.example/x">Share on X</a></p>` +
          `<p>Page last reviewed: 2 May 2023</p>`,
      ),
    );
    expect(r.references.map((x) => x.containerTitle)).toEqual(["NHS", "Versus Arthritis"]);
    const labelled = htmlToDocument(
      page(
        `<h2>See also</h2><ul><li><a href="https://example.org/a">Pseudogout</a></li></ul><h2>Sources</h2><ul><li><a href="https://www.nhs.uk/gout">Gout – NHS</a></li></ul><h3>Related pages</h3><ul><li><a href="https://example.org/b">Arthritis</a></li></ul>`,
      ),
    );
    expect(labelled.references.map((x) => [x.title, x.containerTitle])).toEqual([["Gout", "NHS"]]);
  });

  it("a line naming several sources, each its own link", () => {
    const r = htmlToDocument(
      page(
        '<p>Stones hurt.</p><p><strong>Sources:</strong> <a href="https://a.example/s">Kidney Health Australia (Kidney stones)</a>, <a href="https://b.example/s">NHS (Kidney stones)</a></p><p><a href="https://c.example/">Learn more about our content</a></p>',
      ),
    );
    expect(r.references.map((x) => [x.containerTitle, x.title, x.url])).toEqual([
      ["Kidney Health Australia", "Kidney stones", "https://a.example/s"],
      ["NHS", "Kidney stones", "https://b.example/s"],
    ]);
  });
});

describe("citation markers", () => {
  it("numbers in parentheses are markers where a citation stands, not in enumerations or phone numbers", () => {
    expect(splitMarkers("Coffee lowers uric acid (1, 2). Decaf less so (3).")).toEqual([
      "Coffee lowers uric acid ",
      { ns: [1, 2], text: "(1, 2)" },
      ". Decaf less so ",
      { ns: [3], text: "(3)" },
      ".",
    ]);
    for (const decoy of ["(1) rest the joint, (2) ice it", "Call (000) 555-0100.", "type 2 and stage 2, 1 in 7"])
      expect(splitMarkers(decoy), decoy).toEqual([decoy]);
  });

  it("superscript digits typed as characters are markers after a word, not after a number or a unit", () => {
    expect(splitMarkers("Deposits form in the skin.¹ A BMI of 30 kg/m² and 10⁹/L")).toEqual([
      "Deposits form in the skin.",
      { ns: [1], text: "¹" },
      " A BMI of 30 kg/m² and 10⁹/L",
    ]);
  });

  it("superscript units stay superscripts; unresolved markers are kept as written", () => {
    const r = htmlToDocument(page("<p>A BMI over 30 kg/m<sup>2</sup> and 10<sup>9</sup>/L. A claim (4).</p>"));
    expect(JSON.stringify(r.doc)).toContain("30 kg/m² and 10⁹/L. A claim (4).");
    expect(r.references).toEqual([]);
  });

  it("Markdown footnotes become numbered markers and a source list", () => {
    const r = markdownToDocument(
      "# Eczema\n\nDry skin.[^a] Itchy too.[^b]\n\n## Sources\n\n[^a]: Weidinger S, Novak N. Atopic dermatitis. Lancet. 2016;387(10023):1109-1122.\n[^b]: British Association of Dermatologists. Atopic eczema. 2021.\n",
    );
    expect(r.references.map((x) => x.title)).toEqual(["Atopic dermatitis", "Atopic eczema"]);
    expect(citations(r.doc)).toBe(2);
    expect(JSON.stringify(r.doc)).not.toContain("[^");
  });

  it("author–date citations resolve against the references' authors and years", () => {
    const r = htmlToDocument(
      page(
        "<p>Sleep and pain feed each other (Camara &amp; Whitfield, 2021). Camara and Whitfield (2021) followed adults; others disagree (Okafor et al., 2019; Unknown, 2018).</p><h2>References</h2><p>Camara, L., &amp; Whitfield, R. (2021). Sleep and pain. Journal of Pain Research, 14, 1–9.</p><p>Okafor, C., &amp; Yu, H. (2019). Insomnia therapy. Sleep Medicine Reviews, 45, 21–30.</p>",
      ),
    );
    expect(citations(r.doc)).toBe(2);
    const text = JSON.stringify(r.doc);
    expect(text).toContain("Camara and Whitfield ");
    expect(text).toContain("(Okafor et al., 2019; Unknown, 2018)"); // one part unresolved: left as written
  });
});
