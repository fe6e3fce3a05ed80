// The shared document of one article's working draft, and its conversion to and from the stored draft.
// The body lives in the Yjs XML fragment "default" (what Tiptap's Collaboration extension binds), the title,
// summary and condition name in the map "fields". Converting back gives the same ProseMirror JSON the editor's
// getJSON() gives, so freezing a revision, content hashes, approvals and diffs are unchanged.
import * as Y from "yjs";
import type { Schema } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { giveEmptyBlocksText } from "./text-in-empty-blocks";

export const BODY_FIELD = "default";
export const FIELDS_MAP = "fields";
export const DRAFT_FIELDS = ["title", "summary", "conditionName"] as const;
export type DraftFieldName = (typeof DRAFT_FIELDS)[number];

export interface StoredDraft {
  title: string;
  summary: string;
  conditionName: string;
  body: unknown;
}

/**
 * Fills an empty shared document from the stored draft (the collaboration server does this on first load).
 * Empty paragraphs and headings get their (empty) text here, before anyone can type into them: see
 * text-in-empty-blocks.ts.
 */
export function seedSharedDocument(doc: Y.Doc, schema: Schema, draft: StoredDraft): void {
  const seeded = prosemirrorJSONToYDoc(schema, draft.body, BODY_FIELD);
  giveEmptyBlocksText(seeded.getXmlFragment(BODY_FIELD), schema);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(seeded));
  const fields = doc.getMap<string>(FIELDS_MAP);
  doc.transact(() => {
    for (const name of DRAFT_FIELDS) fields.set(name, draft[name]);
  });
}

export function isEmptySharedDocument(doc: Y.Doc): boolean {
  return doc.getXmlFragment(BODY_FIELD).length === 0 && doc.getMap(FIELDS_MAP).size === 0;
}

interface JsonNode {
  content?: JsonNode[];
  [key: string]: unknown;
}

/** An empty block's empty text reads back as `content: []`; the editor's JSON has no content there. */
function withoutEmptyContent(node: JsonNode): JsonNode {
  if (!node.content) return node;
  const { content, ...rest } = node;
  return content.length ? { ...rest, content: content.map(withoutEmptyContent) } : rest;
}

/** The draft as stored JSON (what storeCollaborativeDraft writes). */
export function readSharedDocument(doc: Y.Doc): StoredDraft {
  const fields = doc.getMap<string>(FIELDS_MAP);
  const body = withoutEmptyContent(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FIELD)) as JsonNode);
  return {
    title: String(fields.get("title") ?? ""),
    summary: String(fields.get("summary") ?? ""),
    conditionName: String(fields.get("conditionName") ?? ""),
    body: body.content?.length ? body : { type: "doc", content: [{ type: "paragraph" }] },
  };
}

/** Whether everything `clientId` has written up to `clock` is contained in a stored state vector. */
export function storedCovers(storedStateVector: Uint8Array, clientId: number, clock: number): boolean {
  return (Y.decodeStateVector(storedStateVector).get(clientId) ?? 0) >= clock;
}
