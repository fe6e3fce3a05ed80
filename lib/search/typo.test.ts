import { describe, expect, it } from "vitest";
import { editDistanceOneVariants } from "./typo";
import { toSegments } from "./highlight";
import { queryWords } from "./query-words";

describe("editDistanceOneVariants", () => {
  it("covers deletion, insertion, substitution and transposition, not the word itself", () => {
    const v = new Set(editDistanceOneVariants("acne"));
    for (const w of ["cne", "acnes", "acme", "cane", "anne"]) expect(v.has(w)).toBe(true);
    expect(v.has("acne")).toBe(false);
    expect(v.has("ance")).toBe(true); // c and n swapped
    expect(v.has("enca")).toBe(false); // two edits away
  });
});

describe("toSegments", () => {
  it("splits marked text into plain and matched runs without interpreting anything", () => {
    expect(toSegments("a \u0002<b>x</b>\u0003 c")).toEqual([
      { text: "a ", match: false },
      { text: "<b>x</b>", match: true },
      { text: " c", match: false },
    ]);
    expect(toSegments("\u0002unclosed")).toEqual([{ text: "unclosed", match: true }]);
  });
});

describe("queryWords", () => {
  it("keeps letters and digits, folds case and accents, drops repeats", () => {
    expect(queryWords('Café "OR" NEAR(x*, y) café')).toEqual(["cafe", "or", "near", "x", "y"]);
    expect(queryWords("a ".repeat(50)).length).toBe(1);
  });
});
