// The inline citation node of the editor: an atom that points at a reference by key. Its visible number is
// not stored: a plugin numbers citations by first use (exactly like lib/content/render.ts does for the
// preview and the public page) and shows the number through a decoration, so inserting a citation earlier
// in the text renumbers everything at once. Citations whose reference is missing show "?".
import { Node, mergeAttributes } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export interface CitationInfo {
  /** key → number, in order of first use (only keys of existing references). */
  numbers: Map<string, number>;
  decorations: DecorationSet;
}

export const citationKey = new PluginKey<CitationInfo>("citationNumbers");
export const REFRESH_CITATIONS = "refreshCitations";

export interface CitationStorage {
  titles: Map<string, string>;
}

function compute(doc: PMNode, titles: Map<string, string>): CitationInfo {
  const numbers = new Map<string, number>();
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== "citation") return node.isBlock; // inline nodes have no children worth visiting
    const key = String(node.attrs.refKey ?? "");
    let n = numbers.get(key);
    if (n === undefined && titles.has(key)) {
      n = numbers.size + 1;
      numbers.set(key, n);
    }
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        "data-n": n === undefined ? "?" : String(n),
        "aria-label": n === undefined ? "Citation of a missing reference" : `Citation ${n}: ${titles.get(key)}`,
        title: n === undefined ? "This reference no longer exists" : (titles.get(key) ?? ""),
      }),
    );
    return false;
  });
  return { numbers, decorations: DecorationSet.create(doc, decorations) };
}

export function citationNumbers(state: EditorState): Map<string, number> {
  return citationKey.getState(state)?.numbers ?? new Map();
}

export const Citation = Node.create<Record<string, never>, CitationStorage>({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addStorage() {
    return { titles: new Map<string, string>() };
  },

  addAttributes() {
    return {
      refKey: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-ref-key"),
        renderHTML: (attrs) => ({ "data-ref-key": attrs.refKey }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "sup[data-ref-key]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["sup", mergeAttributes(HTMLAttributes, { class: "citation" })];
  },

  renderText({ node }) {
    return `[${node.attrs.refKey}]`;
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin<CitationInfo>({
        key: citationKey,
        state: {
          init: (_config, state) => compute(state.doc, storage.titles),
          apply: (tr, old) => {
            if (tr.getMeta(REFRESH_CITATIONS)) return compute(tr.doc, storage.titles);
            if (!tr.docChanged) return old;
            // Typing inside text cannot add, remove or reorder citations: map the old numbers instead of
            // walking a 10,000-word document on every keystroke.
            const touchesCitation = tr.steps.some((step) => {
              const slice = (
                step as unknown as { slice?: { content: { descendants: (f: (n: PMNode) => boolean | void) => void } } }
              ).slice;
              let found = false;
              slice?.content.descendants((n) => {
                if (n.type.name === "citation") found = true;
                return !found;
              });
              return found;
            });
            const removedCitation = (() => {
              let found = false;
              tr.mapping.maps.forEach((map, i) => {
                if (found) return;
                const docBefore = tr.docs[i];
                map.forEach((oldStart, oldEnd) => {
                  if (found || oldEnd <= oldStart) return;
                  docBefore.nodesBetween(oldStart, oldEnd, (n) => {
                    if (n.type.name === "citation") found = true;
                    return !found;
                  });
                });
              });
              return found;
            })();
            if (touchesCitation || removedCitation) return compute(tr.doc, storage.titles);
            return { numbers: old.numbers, decorations: old.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations(state) {
            return citationKey.getState(state)?.decorations;
          },
        },
      }),
    ];
  },
});
