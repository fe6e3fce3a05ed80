// Empty text blocks of the shared document carry their (empty) text from the start (issue 26; see
// text-in-empty-blocks.ts). The three-editor test is concurrent-first-insert.test.ts.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { bodySchemaExtensions } from "../../app/studio/articles/_editor/body-schema";
import { conditionTemplate } from "../content/condition-template";
import { parseDocument } from "../content/document-schema";
import { BODY_FIELD, readSharedDocument, seedSharedDocument } from "./collab-document";
import { giveTextToBlocksChangedIn } from "./text-in-empty-blocks";

const schema = getSchema(bodySchemaExtensions());

const childrenOf = (el: Y.XmlElement) =>
  el.toArray().map((c) => (c instanceof Y.XmlText ? "text" : (c as Y.XmlElement).nodeName));

describe("empty text blocks in the shared document", () => {
  it("get one empty text when the server builds the document, and the stored JSON comes back unchanged", () => {
    const body = {
      type: "doc",
      content: [
        ...conditionTemplate().content,
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
        { type: "paragraph", content: [{ type: "text", text: "Kept as it is." }] },
      ],
    };
    const doc = new Y.Doc();
    seedSharedDocument(doc, schema, { title: "T", summary: "", conditionName: "", body });
    const blocks = doc.getXmlFragment(BODY_FIELD).toArray() as Y.XmlElement[];
    const emptyParagraphs = blocks.filter(
      (b) => b.nodeName === "paragraph" && b.toString() === "<paragraph></paragraph>",
    );
    expect(emptyParagraphs).toHaveLength(7);
    for (const p of emptyParagraphs) expect(childrenOf(p)).toEqual(["text"]);
    const listParagraph = (blocks.at(-2)!.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    expect(childrenOf(listParagraph)).toEqual(["text"]);
    expect(childrenOf(blocks.at(-1)!)).toEqual(["text"]);
    expect(JSON.stringify(parseDocument(readSharedDocument(doc).body))).toBe(JSON.stringify(parseDocument(body)));
  });

  it("get it in the same transaction that creates or empties them, and blocks made elsewhere are left alone", () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment(BODY_FIELD);
    const fromElsewhere = new Y.Doc();
    fromElsewhere.getXmlFragment(BODY_FIELD).insert(0, [new Y.XmlElement("paragraph")]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(fromElsewhere));
    const withCitation = new Y.XmlElement("paragraph");
    withCitation.insert(0, [new Y.XmlElement("citation")]);
    body.insert(1, [withCitation]);

    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    let given = 0;
    doc.transact((tr) => {
      const item = new Y.XmlElement("listItem");
      item.insert(0, [new Y.XmlElement("paragraph")]);
      body.insert(2, [new Y.XmlElement("paragraph"), new Y.XmlElement("heading"), new Y.XmlElement("bulletList")]);
      (body.get(4) as Y.XmlElement).insert(0, [item]);
      withCitation.delete(0, 1);
      given = giveTextToBlocksChangedIn(tr, schema);
    });
    expect(given).toBe(4);
    expect(updates).toHaveLength(1);
    const blocks = body.toArray() as Y.XmlElement[];
    expect(blocks.map(childrenOf)).toEqual([[], ["text"], ["text"], ["text"], ["listItem"]]);
    expect(childrenOf((blocks[4].get(0) as Y.XmlElement).get(0) as Y.XmlElement)).toEqual(["text"]);
  });
});
