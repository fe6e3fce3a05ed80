import { describe, expect, it } from "vitest";
import type { DocumentJson } from "../content/document-schema";
import type { ReferenceSnapshot } from "../content/reference-snapshot";
import { compareVersions } from "./compare-versions";
import { referenceSnapshot } from "../../tests/helpers/reference-snapshot";

const ref = referenceSnapshot;
const cited = (text: string, key: string): DocumentJson => ({
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text },
        { type: "citation", attrs: { refKey: key } },
      ],
    },
  ],
});
const version = (body: DocumentJson, references: ReferenceSnapshot[]) => ({
  title: "T",
  summary: "",
  conditionName: "",
  body,
  references,
});

describe("compareVersions", () => {
  it("shows citations as author-year labels and references as formatted entries, never their keys", () => {
    const before = version(cited("Deposits form.", "smith2019"), [
      ref("smith2019", { authors: "Smith JA", title: "Calcinosis in adults", containerTitle: "Skin", year: 2019 }),
    ]);
    const after = version(cited("Deposits form in the skin.", "smith2019"), [
      ref("smith2019", { authors: "Smith JA", title: "Calcinosis in adults", containerTitle: "Skin", year: 2020 }),
    ]);
    const { diff, references } = compareVersions(before, after, "vancouver");
    const block = diff.blocks[0];
    expect(block.kind).toBe("changed");
    const text = block.kind === "changed" ? block.segments.map((s) => s.text).join("") : "";
    // Both sides carry the reference as it is now: the year's change is listed once, under References.
    expect(text).toContain("Deposits form in the skin.[Smith 2020]");
    expect(text).not.toContain("[Smith 2019]");
    expect(text).not.toContain("smith2019");
    expect(references).toHaveLength(1);
    expect(references[0]).toMatchObject({ kind: "changed", changedFields: ["year"] });
    expect(references[0].beforeHtml).toContain("Calcinosis in adults");
    expect(references[0].beforeHtml).toContain("2019");
    expect(references[0].afterHtml).toContain("2020");
    expect(`${references[0].beforeHtml}${references[0].afterHtml}`).not.toContain("smith2019");
  });

  it("an unchanged citation reads the same on both sides, so only the edit shows", () => {
    const refs = [ref("who", { authors: "World Health Organization", year: 2023 })];
    const { diff, references } = compareVersions(
      version(cited("Sun protection helps.", "who"), refs),
      version(cited("Sun protection helps a lot.", "who"), refs),
      "apa",
    );
    const block = diff.blocks[0];
    const changed = block.kind === "changed" ? block.segments.filter((s) => s.op !== "equal") : [];
    expect(changed.map((s) => s.text).join("")).toContain("a lot");
    expect(changed.some((s) => s.text.includes("World Health Organization"))).toBe(false);
    expect(references).toEqual([]);
  });

  it("an added and a removed reference show as formatted entries", () => {
    const { references } = compareVersions(
      version(cited("A.", "old"), [ref("old", { title: "Old guidance", year: 2001 })]),
      version(cited("A.", "new"), [ref("new", { title: "New guidance", year: 2024 })]),
      "vancouver",
    );
    const byKind = Object.fromEntries(references.map((r) => [r.kind, r]));
    expect(byKind.removed.beforeHtml).toContain("Old guidance");
    expect(byKind.removed.afterHtml).toBeNull();
    expect(byKind.added.afterHtml).toContain("New guidance");
    expect(byKind.added.beforeHtml).toBeNull();
  });
});
