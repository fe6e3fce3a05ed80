import { describe, expect, it } from "vitest";
import { sourcesByAge } from "./sources-by-age";

describe("sourcesByAge", () => {
  it("lists unknown years first, then oldest first, flagging those older than the policy's age", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const out = sourcesByAge(
      [
        { key: "a", title: "Recent", year: 2024 },
        { key: "b", title: "Old", year: 2010 },
        { key: "c", title: "Undated", year: null },
        { key: "d", title: "Just in", year: 2016 },
      ],
      10,
      now,
    );
    expect(out.map((s) => [s.key, s.ageYears, s.tooOld])).toEqual([
      ["c", null, false],
      ["b", 16, true],
      ["d", 10, false],
      ["a", 2, false],
    ]);
  });
});
