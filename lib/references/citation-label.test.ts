import { describe, expect, it } from "vitest";
import type { ReferenceSnapshot } from "../content/reference-snapshot";
import { citationLabel, citationLabeller } from "./citation-label";
import { referenceSnapshot } from "../../tests/helpers/reference-snapshot";

const ref = (over: Partial<ReferenceSnapshot>) => referenceSnapshot("k", { title: "A title", ...over });

describe("citationLabel", () => {
  it("writes author-year labels the way a reader cites", () => {
    expect(citationLabel(ref({ authors: "Smith JA", year: 2019 }))).toBe("Smith 2019");
    expect(citationLabel(ref({ authors: "Smith JA; Jones B", year: 2019 }))).toBe("Smith and Jones 2019");
    expect(citationLabel(ref({ authors: "Smith JA; Jones B; Lee C", year: 2020 }))).toBe("Smith et al. 2020");
    expect(citationLabel(ref({ authors: "World Health Organization", year: 2023 }))).toBe(
      "World Health Organization 2023",
    );
  });

  it("falls back to the website, then to a shortened title, when there is no author", () => {
    expect(citationLabel(ref({ containerTitle: "MedlinePlus", year: 2024 }))).toBe("MedlinePlus 2024");
    expect(citationLabel(ref({ title: "Calcinosis cutis: causes, symptoms and treatment options today" }))).toBe(
      "Calcinosis cutis: causes, symptoms and…",
    );
  });
});

describe("citationLabeller", () => {
  it("never shows a reference key, even for a key with no reference", () => {
    const label = citationLabeller([ref({ key: "medlineplus", containerTitle: "MedlinePlus", year: 2024 })]);
    expect(label("medlineplus")).toBe("[MedlinePlus 2024]");
    expect(label("gone")).toBe("[missing reference]");
  });
});
