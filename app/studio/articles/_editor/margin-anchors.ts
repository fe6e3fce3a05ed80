// The places in the text where the margin's review threads sit: one empty, hidden widget after each commented
// top-level block. The threads themselves render outside the editable text (margin-comments.tsx), so the
// text box holds no buttons; on a phone the widget opens a gap under its block that the thread fills. The
// widgets are view-only decorations: nothing reaches the document, the autosave or the shared (Yjs) document.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PmNode } from "@tiptap/pm/model";

export const marginAnchorsKey = new PluginKey<DecorationSet>("marginAnchors");

/** One group of threads per commented block: its index in the current text and a stable name. */
export type MarginGroup = { blockIndex: number; key: string };

export const MARGIN_GROUP_ATTR = "data-margin-group";

function widgets(doc: PmNode, groups: MarginGroup[]): DecorationSet {
  const ends: number[] = [];
  let pos = 0;
  doc.forEach((block) => {
    pos += block.nodeSize;
    ends.push(pos);
  });
  return DecorationSet.create(
    doc,
    groups
      .filter((g) => g.blockIndex < ends.length)
      .map((g) =>
        Decoration.widget(
          ends[g.blockIndex],
          () => {
            const el = document.createElement("div");
            el.className = "margin-gap";
            el.setAttribute(MARGIN_GROUP_ATTR, g.key);
            el.setAttribute("aria-hidden", "true");
            el.contentEditable = "false";
            return el;
          },
          { key: `margin-${g.key}`, side: -1, ignoreSelection: true },
        ),
      ),
  );
}

/** Places the margin's groups (a view-only transaction: no history, no save). */
export function setMarginGroups(tr: Transaction, groups: MarginGroup[]): Transaction {
  return tr.setMeta(marginAnchorsKey, groups).setMeta("addToHistory", false);
}

export const MarginAnchors = Extension.create({
  name: "marginAnchors",
  addProseMirrorPlugins: () => [
    new Plugin<DecorationSet>({
      key: marginAnchorsKey,
      state: {
        init: () => DecorationSet.empty,
        apply: (tr, set) => {
          const groups = tr.getMeta(marginAnchorsKey) as MarginGroup[] | undefined;
          if (groups) return widgets(tr.doc, groups);
          return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
        },
      },
      props: { decorations: (state) => marginAnchorsKey.getState(state) },
    }),
  ],
});
