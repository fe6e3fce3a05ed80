import { describe, expect, it } from "vitest";
import { runBlockingChecks, runContentChecks } from "./run-checks";
import { createWordChecker } from "./spelling";
import type { CheckInput } from "./types";

const p = (text: string, extra: object[] = []) => ({ type: "paragraph", content: [{ type: "text", text }, ...extra] });
const h = (text: string, level = 2) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const cite = (refKey: string) => ({ type: "citation", attrs: { refKey } });
const list = (...items: string[]) => ({
  type: "bulletList",
  content: items.map((i) => ({ type: "listItem", content: [p(i)] })),
});

const SECTIONS = ["What is calcinosis cutis?", "Types", "Causes", "Symptoms", "Diagnosis", "Treatment", "Outlook"];

function base(over: Partial<CheckInput> = {}): CheckInput {
  return {
    title: "Calcinosis cutis",
    summary: "Calcium deposits in the skin. This article does not provide medical advice.",
    conditionName: "Calcinosis cutis",
    body: {
      type: "doc",
      content: SECTIONS.flatMap((s) => [
        h(s),
        p(`Calcium deposits and the skin, explained simply.`, [cite("medline")]),
      ]),
    },
    references: [{ key: "medline", title: "MedlinePlus: calcinosis", url: "https://medlineplus.gov/" }],
    ...over,
  };
}

const rules = (input: CheckInput) => runContentChecks(input).findings.map((f) => f.rule);

describe("content checks", () => {
  it("passes a complete article", () => {
    expect(runContentChecks(base()).findings).toEqual([]);
  });

  it("a reference that needs details (imported from an entry it could not read) is an advisory finding", () => {
    const references = [
      { key: "medline", title: "MedlinePlus: calcinosis", url: "https://medlineplus.gov/", needsDetails: true },
    ];
    const f = runContentChecks(base({ references })).findings;
    expect(f.map((x) => [x.rule, x.severity, x.location.refKey])).toEqual([
      ["reference-needs-details", "advisory", "medline"],
    ]);
    expect(f[0].message).toMatch(/untick “Needs details”/);
  });

  it("reports a heading with nothing under it, at its place", () => {
    const body = { type: "doc", content: [h("What is it?"), p("Text."), h("Causes"), h("Symptoms"), p("Text.")] };
    const r = runContentChecks(base({ body }));
    const f = r.findings.find((x) => x.rule === "empty-section")!;
    expect(f.severity).toBe("blocking");
    expect(f.location).toMatchObject({ field: "body", blockIndex: 2, path: [2], excerpt: "Causes" });
  });

  it("counts sub-sections as content but reports an empty sub-section", () => {
    const body = { type: "doc", content: [h("Types"), h("Dystrophic", 3), p("Most common."), h("Metastatic", 3)] };
    const found = runContentChecks(base({ body })).findings.filter((f) => f.rule === "empty-section");
    expect(found.map((f) => f.location.excerpt)).toEqual(["Metastatic"]);
  });

  it("reports an 'includes:' lead-in with nothing after it, not one followed by a list", () => {
    const body = {
      type: "doc",
      content: [
        h("Symptoms"),
        p("Symptoms include:"),
        list("Firm white papules"),
        p("Other signs include:"),
        h("Diagnosis"),
        p("Tests."),
      ],
    };
    const found = runContentChecks(base({ body })).findings.filter((f) => f.rule === "empty-lead-in");
    expect(found).toHaveLength(1);
    expect(found[0].location.blockIndex).toBe(3);
  });

  it("reports the same heading twice", () => {
    const body = { type: "doc", content: [h("Causes"), p("A."), h("causes"), p("B.")] };
    expect(rules(base({ body }))).toContain("duplicate-heading");
  });

  it("reports misspellings but accepts medical words and the project dictionary", () => {
    const body = {
      type: "doc",
      content: [
        h("Treatment"),
        p("Colchicine and bisphosphonates may recieve attention from a dermatologist; the Zorblax clinic uses MRI."),
      ],
    };
    const found = runContentChecks(base({ body }), { words: createWordChecker(["zorblax"]) }).findings.filter(
      (f) => f.rule === "spelling",
    );
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining("“recieve”")]);
    expect(found[0].severity).toBe("advisory");
    const without = runContentChecks(base({ body })).findings.filter((f) => f.rule === "spelling");
    expect(without.map((f) => f.message.slice(0, 12))).toEqual(["“recieve” ma", "“Zorblax” ma"]);
  });

  it("reports citations without references and references never cited", () => {
    const body = { type: "doc", content: [h("Causes"), p("Cited.", [cite("missing")])] };
    const r = runContentChecks(base({ body }));
    expect(r.findings.find((f) => f.rule === "citation-without-reference")).toMatchObject({
      severity: "blocking",
      location: { blockIndex: 1 },
    });
    expect(r.findings.find((f) => f.rule === "reference-not-cited")).toMatchObject({
      severity: "advisory",
      location: { refKey: "medline" },
    });
  });

  it("reports references without URL, DOI or PMID, and links that are not http(s)", () => {
    const body = {
      type: "doc",
      content: [
        p("See", [
          { type: "text", text: " this", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          cite("a"),
          cite("b"),
          cite("c"),
        ]),
      ],
    };
    const r = runContentChecks(
      base({
        body,
        references: [
          { key: "a", title: "No link" },
          { key: "b", title: "DOI only", doi: "10.3390/jcm1234" },
          { key: "c", title: "FTP", url: "ftp://example.org/x" },
        ],
      }),
    );
    expect(r.findings.filter((f) => f.rule === "reference-without-link").map((f) => f.location.refKey)).toEqual(["a"]);
    expect(r.findings.filter((f) => f.rule === "non-http-link")).toHaveLength(2);
  });

  it("reports a missing summary, disclaimer and template sections", () => {
    const r = runContentChecks(
      base({ summary: "", body: { type: "doc", content: [h("Causes"), p("Text.", [cite("medline")])] } }),
    );
    const rs = r.findings.map((f) => f.rule);
    expect(rs).toContain("missing-summary");
    expect(rs).toContain("missing-disclaimer");
    expect(r.findings.filter((f) => f.rule === "missing-section").map((f) => f.location.excerpt)).toEqual([
      "What is it?",
      "Types",
      "Symptoms",
      "Diagnosis",
      "Treatment",
      "Outlook",
    ]);
    expect(r.blocking).toBe(1);
    // The site can print the disclaimer on every page; articles without a condition need no template.
    const r2 = runContentChecks(
      base({ conditionName: "", summary: "x", body: { type: "doc", content: [p("Text.", [cite("medline")])] } }),
      { siteDisclaimer: true },
    );
    expect(r2.findings).toEqual([]);
  });

  it("lists blocking findings first, each group in reading order", () => {
    const body = {
      type: "doc",
      content: [
        h("Causes"),
        p("Speling here."),
        h("Symptoms"),
        h("Causes"),
        p("Text.", [cite("medline")]),
        p("Includes:"),
      ],
    };
    const r = runContentChecks(base({ summary: "", body }));
    expect(r.findings.map((f) => `${f.severity}:${f.rule}:${f.location.blockIndex ?? f.location.field}`)).toEqual([
      "blocking:missing-summary:summary",
      "blocking:empty-section:2",
      "blocking:empty-lead-in:5",
      "advisory:spelling:1",
      "advisory:duplicate-heading:3",
      "advisory:missing-section:body",
      "advisory:missing-section:body",
      "advisory:missing-section:body",
      "advisory:missing-section:body",
      "advisory:missing-section:body",
      "advisory:missing-disclaimer:body",
    ]);
  });

  it("never throws on a body it does not understand", () => {
    expect(() => runContentChecks(base({ body: "not json" }))).not.toThrow();
    expect(() =>
      runContentChecks(base({ body: { type: "doc", content: [null, { type: "weird" }, { content: "x" }] } })),
    ).not.toThrow();
  });
});

describe("blocking checks alone", () => {
  it("find exactly the blocking findings of the full run, in the same order", () => {
    const body = {
      type: "doc",
      content: [
        h(""),
        p("Symptoms include:"),
        h("Causes"),
        h("Symptoms"),
        p("The following are common."),
        p("Deposits form under the skin.", [cite("missing"), cite("nolink")]),
        {
          type: "paragraph",
          content: [{ type: "text", text: "a link", marks: [{ type: "link", attrs: { href: "ftp://x.example" } }] }],
        },
      ],
    };
    const input = base({
      summary: "",
      body,
      references: [
        { key: "nolink", title: "No link" },
        { key: "bad", title: "Bad link", url: "javascript:alert(1)" },
      ],
    });
    const full = runContentChecks(input, { words: createWordChecker() }).findings.filter(
      (f) => f.severity === "blocking",
    );
    expect(new Set(full.map((f) => f.rule))).toEqual(
      new Set([
        "missing-summary",
        "empty-heading",
        "empty-section",
        "empty-lead-in",
        "citation-without-reference",
        "reference-without-link",
        "non-http-link",
      ]),
    );
    expect(runBlockingChecks(input)).toEqual(full);
  });

  it("find nothing in a complete article", () => {
    expect(runBlockingChecks(base())).toEqual([]);
  });
});
