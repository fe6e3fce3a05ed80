import { describe, expect, it } from "vitest";
import { alternativeNamesTextSchema, normalizeAlternativeNames, parseAlternativeNames } from "./alternative-names";
import { contentHash } from "./hash";
import { groupByLetter } from "../public/list-conditions";

describe("alternative names", () => {
  it("normalises: trims, collapses spaces, drops empties and case-insensitive repeats", () => {
    expect(normalizeAlternativeNames(["  Skin  calcium ", "", "skin calcium", "Calcinosis"])).toEqual([
      "Skin calcium",
      "Calcinosis",
    ]);
    expect(parseAlternativeNames("not json")).toEqual([]);
    expect(parseAlternativeNames('["A", 3, "B"]')).toEqual(["A", "B"]);
  });

  it("reads one name per line and refuses too many or too long names", () => {
    expect(alternativeNamesTextSchema.parse("Hay fever\r\n\nAllergic rhinitis\n")).toEqual([
      "Hay fever",
      "Allergic rhinitis",
    ]);
    expect(alternativeNamesTextSchema.safeParse(Array.from({ length: 21 }, (_, i) => `n${i}`).join("\n")).success).toBe(
      false,
    );
    expect(alternativeNamesTextSchema.safeParse("x".repeat(121)).success).toBe(false);
  });

  it("leaves the content hash of revisions without alternative names unchanged, and changes it with them", () => {
    const base = {
      title: "T",
      summary: "S",
      conditionName: "C",
      body: { type: "doc" as const, content: [] },
      references: [],
    };
    expect(contentHash({ ...base, alternativeNames: [] })).toBe(contentHash(base));
    expect(contentHash({ ...base, alternativeNames: ["X"] })).not.toBe(contentHash(base));
  });
});

describe("groupByLetter", () => {
  it("sorts names without regard to case or accents, groups by first letter, digits last under #", () => {
    const groups = groupByLetter([
      { name: "eczema", slug: "e", see: null },
      { name: "Écthyma", slug: "x", see: null },
      { name: "Atopic dermatitis", slug: "e", see: "eczema" },
      { name: "22q11 deletion", slug: "d", see: null },
      { name: "acne", slug: "a", see: null },
    ]);
    expect(groups.map((g) => [g.letter, g.entries.map((e) => e.name)])).toEqual([
      ["A", ["acne", "Atopic dermatitis"]],
      ["E", ["Écthyma", "eczema"]],
      ["#", ["22q11 deletion"]],
    ]);
  });
});
