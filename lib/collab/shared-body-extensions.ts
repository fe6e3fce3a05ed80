// The editor's side of the shared body: Tiptap's Collaboration extension (the y-prosemirror binding) bound to
// the shared document's body, plus the rule that every empty text block carries its text from the start
// (text-in-empty-blocks.ts says why). The studio's editor and the tests that type into several editors at
// once use this one list.
import * as Y from "yjs";
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { Node as PmNode } from "@tiptap/pm/model";
import Collaboration from "@tiptap/extension-collaboration";
import { getRelativeSelection, ySyncPluginKey, type ProsemirrorBinding } from "@tiptap/y-tiptap";
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

/** The extensions that bind the editor to the shared body of `document`. */
export function sharedBodyExtensions(document: Y.Doc) {
  return [Collaboration.configure({ document, field: BODY_FIELD }), TextInNewBlocks];
}
