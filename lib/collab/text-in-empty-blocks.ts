// Every empty text block of the shared document (an empty paragraph or heading) holds one empty shared text
// from the moment it exists — the cause of issue 26, and why this file exists:
//
// The editor binding (y-prosemirror, as @tiptap/y-tiptap) stores a paragraph as an XML element whose text is a
// Y.XmlText child. An empty paragraph has no child at all, so the first character typed into it creates the
// text. When several people type into the same empty paragraph before receiving each other's keystrokes, each
// creates a text of their own: the paragraph ends up with several texts side by side. ProseMirror shows them as
// one run of text, and from there the binding cannot keep them apart: on the next keystroke it writes the whole
// run into the first text and deletes the others (so when two people do that at once, everything the others
// typed is copied twice), and while rendering it moves a text of one's own into the text on its left (so when
// someone else moves their text into yours at the same moment, their characters land in a deleted text and
// disappear). That is the doubled and missing characters, the same in every view and in the stored draft.
//
// With the text already there, everyone's first keystrokes are inserts into one Y.Text, which Yjs merges like
// any concurrent typing: nothing is created concurrently, so nothing has to be reconciled. The binding keeps a
// paragraph's only text when it is emptied again, so the invariant holds as people type and delete.
// Two places make the text: the co-editing server when it builds the shared document from the stored draft
// (the template's empty paragraphs), and each editor in the same Yjs transaction that creates or empties a
// block (pressing Enter), so that nobody ever receives an empty block without its text.
import * as Y from "yjs";
import type { Schema } from "@tiptap/pm/model";

const isEmptyTextblock = (schema: Schema, el: Y.XmlElement) =>
  el.length === 0 && schema.nodes[el.nodeName]?.isTextblock === true;

/** Gives every empty text block in `root` (root included) an empty shared text; returns how many it gave. */
export function giveEmptyBlocksText(root: Y.XmlFragment, schema: Schema): number {
  if (root instanceof Y.XmlElement && isEmptyTextblock(schema, root)) {
    root.insert(0, [new Y.XmlText()]);
    return 1;
  }
  let given = 0;
  for (const child of root.toArray()) if (child instanceof Y.XmlElement) given += giveEmptyBlocksText(child, schema);
  return given;
}

/**
 * The same for the blocks that `transaction` (a local one, still open) created or left empty, so that they
 * reach everyone else with their text. Blocks made by others are left alone: their editors gave them text.
 */
export function giveTextToBlocksChangedIn(transaction: Y.Transaction, schema: Schema): number {
  const createdHere = (type: { _item: Y.Item | null }) =>
    type._item !== null && type._item.id.clock >= (transaction.beforeState.get(type._item.id.client) ?? 0);
  let given = 0;
  // A list of the changed types first: giving text changes the transaction's own record of them.
  for (const [type, keys] of [...transaction.changed]) {
    // Only child lists matter (key null), of elements still in the document.
    if (!keys.has(null) || !(type instanceof Y.XmlFragment) || type._item?.deleted) continue;
    if (type instanceof Y.XmlElement && isEmptyTextblock(schema, type)) {
      type.insert(0, [new Y.XmlText()]);
      given++;
      continue;
    }
    // Blocks created in this transaction are not in `changed` (only types that existed before are): their
    // parent is, so look at its new children and everything inside them.
    for (const child of type.toArray())
      if (child instanceof Y.XmlElement && createdHere(child)) given += giveEmptyBlocksText(child, schema);
  }
  return given;
}
