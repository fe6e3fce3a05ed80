import { describe, expect, it } from "vitest";
import { Schema } from "@tiptap/pm/model";
import { findPassage } from "./find-passage";

const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: { group: "block", content: "inline*" },
    text: { group: "inline" },
    citation: { group: "inline", inline: true, atom: true },
  },
  marks: { bold: {} },
});
const p = (...parts: Array<string | "CITE" | { bold: string }>) =>
  schema.node(
    "paragraph",
    null,
    parts.map((x) =>
      x === "CITE"
        ? schema.node("citation")
        : typeof x === "string"
          ? schema.text(x)
          : schema.text(x.bold, [schema.mark("bold")]),
    ),
  );

describe("findPassage", () => {
  it("finds a passage across marks inside one block, as document positions", () => {
    const doc = schema.node("doc", null, [
      p("First block."),
      p("It affects ", { bold: "about one" }, " in a thousand."),
    ]);
    const range = findPassage(doc, "about one in a");
    expect(range).not.toBeNull();
    expect(doc.textBetween(range!.from, range!.to)).toBe("about one in a");
  });

  it("does not match across a citation or across blocks", () => {
    const doc = schema.node("doc", null, [p("Deposits form", "CITE", " under the skin."), p("Second.")]);
    expect(findPassage(doc, "form under")).toBeNull();
    expect(findPassage(doc, "skin. Second")).toBeNull();
    const after = findPassage(doc, "under the skin")!;
    expect(doc.textBetween(after.from, after.to)).toBe("under the skin");
  });

  it("finds nothing for an empty or absent passage", () => {
    const doc = schema.node("doc", null, [p("Text.")]);
    expect(findPassage(doc, "")).toBeNull();
    expect(findPassage(doc, "missing")).toBeNull();
  });
});
