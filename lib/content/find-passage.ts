// Where a passage of plain text lies in the editor's document: the first place it occurs within one text block
// (a paragraph, heading or list item's paragraph), as document positions. Inline atoms (citations, images)
// and line breaks break a passage, as they would in the reviewer's selection of the frozen text.
import type { Node as PmNode } from "@tiptap/pm/model";

const ATOM = "\uFFFC";

export function findPassage(doc: PmNode, passage: string): { from: number; to: number } | null {
  if (!passage) return null;
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    let text = "";
    const positions: number[] = [];
    node.forEach((child, offset) => {
      if (child.isText) {
        for (let i = 0; i < child.text!.length; i++) positions.push(pos + 1 + offset + i);
        text += child.text;
      } else {
        positions.push(pos + 1 + offset);
        text += ATOM;
      }
    });
    const at = text.indexOf(passage);
    if (at >= 0) found = { from: positions[at], to: positions[at + passage.length - 1] + 1 };
    return false;
  });
  return found;
}
