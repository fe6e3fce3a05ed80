import { describe, expect, it } from "vitest";
import { fleschKincaidGrade, syllables } from "./rules/language";
import { runContentChecks } from "./run-checks";
import { createWordChecker, misspellings } from "./spelling";
import { textBlocks, type PmNode } from "../content/document-blocks";
import type { CheckInput } from "./types";

const p = (text: string, extra: object[] = []) => ({ type: "paragraph", content: [{ type: "text", text }, ...extra] });
const h = (text: string, level = 2) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const cite = (refKey: string) => ({ type: "citation", attrs: { refKey } });
const list = (...items: string[]) => ({
  type: "bulletList",
  content: items.map((i) => ({ type: "listItem", content: [p(i)] })),
});

function input(...content: object[]): CheckInput {
  return {
    title: "Gout",
    summary: "Gout explained. This article does not provide medical advice.",
    body: { type: "doc", content },
    references: [{ key: "nhs", title: "NHS: gout", url: "https://www.nhs.uk/conditions/gout/" }],
  };
}
const findings = (rule: string, ...content: object[]) =>
  runContentChecks(input(...content)).findings.filter((f) => f.rule === rule);

describe("lead-ins that promise a list", () => {
  it("a colon lead-in followed by a paragraph of unrelated prose is blocking; short typed items pass", () => {
    const prose = findings(
      "empty-lead-in",
      p("Common symptoms include:"),
      p(
        "Gout was once called the disease of kings, because rich food and wine were thought to cause it, and many portraits of the time show swollen feet resting on stools.",
      ),
    );
    expect(prose).toHaveLength(1);
    expect(prose[0]).toMatchObject({ severity: "blocking", location: { blockIndex: 0 } });
    expect(prose[0].message).toMatch(/prose follows/);
    expect(findings("empty-lead-in", p("Common symptoms include:"), p("Sudden pain."), p("Redness."))).toEqual([]);
    expect(findings("empty-lead-in", p("Common symptoms include:"), list("Pain", "Redness"))).toEqual([]);
  });

  it("'The following…' without a list is advisory", () => {
    const f = findings(
      "empty-lead-in",
      p("The following foods raise uric acid levels."),
      h("Treatment"),
      p("Rest the joint."),
    );
    expect(f.map((x) => x.severity)).toEqual(["advisory"]);
  });

  it("a heading promising types or causes without a list is reported; a bare template heading is not", () => {
    const f = findings(
      "heading-without-list",
      h("Types of gout"),
      p("There are several, and they differ in how they start and how long they last in most people."),
      h("Causes"),
      p("Uric acid crystals form in the joint."),
      h("Common triggers"),
      list("Alcohol", "Red meat"),
    );
    expect(f.map((x) => x.location.excerpt)).toEqual(["Types of gout"]);
  });

  it("labels, quotation lead-ins and “the following day” are not lead-ins; one long paragraph is not an item", () => {
    const prose = p("Most people recover within a week, and the doctor may suggest rest and fluids at home for now.");
    expect(findings("empty-lead-in", p("Note:"), prose)).toEqual([]);
    expect(
      findings("empty-lead-in", p("As one patient put it:"), { type: "blockquote", content: [p("It hurt.")] }),
    ).toEqual([]);
    expect(findings("empty-lead-in", p("She felt better the following day."), prose)).toEqual([]);
    expect(findings("empty-lead-in", p("The most frequent symptoms include:"), prose)).toHaveLength(1);
  });

  it("a heading ending “…Includes:” followed by prose is reported; the same heading over a list is not", () => {
    const prose = findings(
      "heading-without-list",
      h("Treatment Includes:"),
      p("Most people with calcinosis cutis are seen by a dermatologist, who looks at the skin and asks about it."),
    );
    expect(prose).toHaveLength(1);
    expect(prose[0]).toMatchObject({ severity: "advisory", location: { blockIndex: 0 } });
    expect(prose[0].message).toMatch(/announces a list, but prose follows/);
    expect(findings("heading-without-list", h("Treatment Includes:"), list("Rest", "Ice"))).toEqual([]);
  });

  it("headings that announce items (a colon after a verb or list noun, “the following”) versus labels", () => {
    const flagged = (heading: string) =>
      findings("heading-without-list", h(heading), p("A paragraph of ordinary prose follows here.")).length;
    for (const promise of [
      "Symptoms of gout",
      "Causes of calcinosis",
      "Common risk factors",
      "Risk factors include:",
      "Try the following",
      "What the check-up includes",
      "Things that can trigger an attack are:",
      "Ways to prevent tick bites:",
      "Tipos de gota",
    ])
      expect(flagged(promise), promise).toBe(1);
    for (const label of ["Diagnosis:", "Note:", "Overview", "Causes", "Sources:", "References", "When to see a doctor"])
      expect(flagged(label), label).toBe(0);
  });
});

describe("spelling with the medical word list", () => {
  it("common clinical terms pass (from @cspell/dict-medicalterms), typos are still reported", () => {
    const words = createWordChecker();
    const blocks = textBlocks({
      type: "doc",
      content: [
        p(
          "Thrombocytopenia, nephrolithiasis, spirometry, bronchodilators, hyperuricemia and tophi were discussed; febuxostat and allopurinol lower urate. The pateint improved.",
        ),
      ],
    } as PmNode);
    expect(misspellings(blocks, words).map((f) => f.subject)).toEqual(["pateint"]);
  });
});

describe("real-word errors", () => {
  it("finds a real word in a context where its near-miss is meant, and leaves correct uses alone", () => {
    const f = findings(
      "real-word-error",
      p("Men over 50 may need a prostrate exam. Side affects are rare. Try to loose weight and keep a food dairy."),
      p("Some prefer to lie prostrate. Losing weight has an effect on gout. Eat less dairy if it helps."),
    );
    expect(f.map((x) => `${x.subject}→${x.message.match(/“([^”]+)” is probably meant/)?.[1]}`)).toEqual([
      "prostrate→prostate",
      "affects→side effects",
      "loose→lose",
      "dairy→diary",
    ]);
    expect(f.every((x) => x.severity === "advisory" && x.location.blockIndex === 0)).toBe(true);
  });
});

describe("statements without a citation", () => {
  it("numbers, doses and 'studies show' need a citation in or right after the sentence", () => {
    const f = findings(
      "uncited-claim",
      p("About 1 in 40 adults has gout. Take 500 mg twice a day. Studies show cherries help. Rest helps."),
      p("Gout affects 2.5% of adults.", [
        cite("nhs"),
        { type: "text", text: " Allopurinol is started at 100 mg daily." },
      ]),
    );
    expect(f.map((x) => x.location.excerpt)).toEqual([
      "About 1 in 40 adults has gout.",
      "Take 500 mg twice a day.",
      "Studies show cherries help.",
      "Allopurinol is started at 100 mg daily.",
    ]);
    expect(f.every((x) => x.severity === "advisory")).toBe(true);
  });
});

describe("readability", () => {
  it("counts syllables and grades prose", () => {
    expect([syllables("gout"), syllables("inflammation"), syllables("joints"), syllables("became")]).toEqual([
      1, 4, 1, 2,
    ]);
    expect(fleschKincaidGrade(["Too short."])).toBeNull();
  });

  it("reports prose above the audience's target grade, not plain prose", () => {
    const hard =
      "Hyperuricaemia, consequent upon diminished renal excretion or augmented purine catabolism, predisposes susceptible individuals to monosodium urate crystallisation within articular and periarticular structures, precipitating intermittent inflammatory arthropathy. ";
    const plain = "Gout is a kind of joint pain. It comes on fast. The big toe is often hit first. Rest and ice help. ";
    const patients = runContentChecks(input(p(hard.repeat(5)))).findings.filter((f) => f.rule === "readability");
    expect(patients).toHaveLength(1);
    expect(patients[0].message).toMatch(/above the target of 8 for general public and patients/);
    expect(runContentChecks(input(p(plain.repeat(6)))).findings.filter((f) => f.rule === "readability")).toEqual([]);
  });
});
