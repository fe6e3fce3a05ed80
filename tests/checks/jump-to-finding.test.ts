// The panel's "go to this place" maps a finding's path to the same position ProseMirror uses.
import { describe, expect, it } from "vitest";
import { Schema } from "@tiptap/pm/model";
import { positionOfPath } from "@/components/checks/jump-to-finding";
import { textBlocks } from "@/lib/content/document-blocks";

const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: { group: "block", content: "text*" },
    heading: { group: "block", content: "text*", attrs: { level: { default: 2 } } },
    bulletList: { group: "block", content: "listItem+" },
    listItem: { content: "block+" },
    text: {},
  },
});

describe("positionOfPath", () => {
  it("points inside the block a finding is about, for nested blocks too", () => {
    const json = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Causes" }] },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "One" }] }] },
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Two" }] }] },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "After" }] },
      ],
    };
    const doc = schema.nodeFromJSON(json);
    for (const block of textBlocks(json)) {
      const pos = positionOfPath(doc, block.path)!;
      const $pos = doc.resolve(pos);
      expect($pos.parent.textContent).toBe(block.text);
    }
    expect(positionOfPath(doc, [9])).toBeNull();
  });
});
