// Maps a finding's location (child indexes from the document root) to a ProseMirror position, so the
// editor can put the cursor on the block a finding is about.
import type { Finding } from "@/lib/checks/types";

interface PmLike {
  childCount: number;
  child(index: number): PmLike;
  nodeSize: number;
}

/** Position just inside the text block at `path`, or null when the document no longer has it. */
export function positionOfPath(doc: PmLike, path: number[]): number | null {
  let node = doc;
  let contentStart = 0;
  for (const index of path) {
    if (index < 0 || index >= node.childCount) return null;
    let pos = contentStart;
    for (let j = 0; j < index; j++) pos += node.child(j).nodeSize;
    node = node.child(index);
    contentStart = pos + 1;
  }
  return contentStart;
}

interface EditorLike {
  state: { doc: PmLike };
  chain(): { focus(): { setTextSelection(pos: number): { scrollIntoView(): { run(): boolean } } } };
}

/** Moves the editor's cursor to the finding's block; returns false when it has no place in the body. */
export function jumpToFinding(editor: EditorLike, finding: Finding): boolean {
  if (finding.location.field !== "body" || !finding.location.path) return false;
  const pos = positionOfPath(editor.state.doc, finding.location.path);
  if (pos === null) return false;
  return editor.chain().focus().setTextSelection(pos).scrollIntoView().run();
}
