// The editor's side of the shared body: Tiptap's Collaboration extension (the y-prosemirror binding) bound to
// the shared document's body, plus two corrections for several people typing into one empty block (issue 26):
// every empty text block carries its text from the start (text-in-empty-blocks.ts says why), and a caret stays
// where the shared document puts it when someone else types into the block it waits in. The studio's editor
// and the tests that type into several editors at once use this one list.
import * as Y from "yjs";
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import type { Node as PmNode } from "@tiptap/pm/model";
import Collaboration from "@tiptap/extension-collaboration";
import {
  getRelativeSelection,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from "@tiptap/y-tiptap";
import { BODY_FIELD } from "./collab-document";
import { giveTextToBlocksChangedIn } from "./text-in-empty-blocks";

/**
 * Gives the blocks an editor creates (or empties) their text in the same Yjs transaction as the binding's own
 * change, so that nobody receives an empty block without it. The binding has no hook for this: its method
 * that writes the editor's changes to the shared document is wrapped for the lifetime of the editor's view.
 * The binding calls that method inside its own mutex and Yjs transaction, so the added texts go out in the
 * same update and the binding does not read them back as a remote change.
 */
export const TextInNewBlocks = Extension.create({
  name: "collabTextInNewBlocks",
  addProseMirrorPlugins() {
    const schema = this.editor.schema;
    return [
      new Plugin({
        key: new PluginKey("collabTextInNewBlocks"),
        view: (view) => {
          const binding = ySyncPluginKey.getState(view.state)?.binding as ProsemirrorBinding | undefined;
          if (!binding) return {};
          const writeChanges = binding._prosemirrorChanged;
          binding._prosemirrorChanged = (doc: PmNode) => {
            binding.doc.transact((transaction) => {
              writeChanges.call(binding, doc);
              // The binding noted the caret (as a position in the shared document) before the texts existed;
              // note it again so that a remote change that arrives next puts it back inside the new text.
              if (giveTextToBlocksChangedIn(transaction, schema) > 0 && binding.prosemirrorView)
                binding.beforeTransactionSelection = getRelativeSelection(binding, binding.prosemirrorView.state);
            }, ySyncPluginKey);
          };
          return {
            destroy: () => {
              binding._prosemirrorChanged = writeChanges;
            },
          };
        },
      }),
    ];
  },
});

/** Whether a shared type and every type around it are still in the document. */
function isLive(type: { _item: Y.Item | null }): boolean {
  for (let item = type._item; item; item = (item.parent as { _item: Y.Item | null })._item)
    if (item.deleted) return false;
  return true;
}

/** Where a caret noted in a shared text that still exists is now, or null if the text is gone. */
function positionInLiveText(binding: ProsemirrorBinding, at: Y.RelativePosition | null): number | null {
  if (!at) return null;
  const decoded = Y.createAbsolutePositionFromRelativePosition(at, binding.doc);
  if (!decoded || !(decoded.type instanceof Y.XmlText) || !isLive(decoded.type)) return null;
  return relativePositionToAbsolutePosition(binding.doc, binding.type, at, binding.mapping);
}

/**
 * Keeps the caret where the shared document puts it when others' changes arrive, as long as the text it was
 * in still exists. The binding (since @tiptap/y-tiptap 3.0.6) second-guesses that position when the caret's
 * block changed its text, to recover carets in blocks that were dragged elsewhere; but someone typing into the
 * empty block where your caret waits changes its text too, and the recovery then looks for "the same block"
 * as the first other block with the same (empty) text: the caret jumps to the next empty section and your
 * typing lands there. A text that still exists is the same block, and the shared position in it is exact;
 * carets in a dragged block (its texts deleted and made anew) are left to the binding's recovery.
 */
export const CaretStaysInSharedText = Extension.create({
  name: "collabCaretStaysInSharedText",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("collabCaretStaysInSharedText"),
        appendTransaction: (transactions, _before, state) => {
          if (!transactions.some((tr) => tr.docChanged && tr.getMeta(ySyncPluginKey)?.isChangeOrigin)) return null;
          const binding = ySyncPluginKey.getState(state)?.binding as ProsemirrorBinding | undefined;
          // The caret as the binding noted it before the others' changes were applied.
          const noted = binding?.beforeTransactionSelection;
          if (!binding || !noted || noted.type !== "text") return null;
          const anchor = positionInLiveText(binding, noted.anchor);
          const head = positionInLiveText(binding, noted.head);
          if (anchor === null || head === null) return null;
          if (state.selection.anchor === anchor && state.selection.head === head) return null;
          const selection = TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head));
          return state.tr.setSelection(selection).setMeta("addToHistory", false);
        },
      }),
    ];
  },
});

/** The extensions that bind the editor to the shared body of `document`. */
export function sharedBodyExtensions(document: Y.Doc) {
  return [Collaboration.configure({ document, field: BODY_FIELD }), TextInNewBlocks, CaretStaysInSharedText];
}
