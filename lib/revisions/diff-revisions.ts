// Diff between two versions of an article (two revisions, or a revision and the working copy).
// Blocks are the document's top-level blocks (a heading, a paragraph, a whole list, a quote): they are
// aligned by their text (jsdiff's Myers diff), and a removed block facing an added block of
// the same kind is shown as one changed block with word-level insertions and deletions marked. Citations
// read as short author-year labels ("[Smith and Jones 2019]", lib/references/citation-label.ts), never as
// reference keys; blocks are still aligned by key, so editing a reference's authors does not move blocks.
// References are compared by key, field by field. Pure functions: no database.
import { diffArrays } from "diff";
import type { BlockNode, DocumentJson } from "../content/document-schema";
import type { ReferenceSnapshot } from "../content/reference-snapshot";
import { blockText } from "../content/text";
import { citationLabeller } from "../references/citation-label";

export interface DiffableVersion {
  title: string;
  summary: string;
  conditionName: string;
  body: DocumentJson;
  references: ReferenceSnapshot[];
}

export type Segment = { op: "equal" | "insert" | "delete"; text: string };

export type BlockDiff =
  | { kind: "equal"; blockType: string; text: string }
  | { kind: "added" | "removed"; blockType: string; text: string }
  | { kind: "changed"; blockType: string; segments: Segment[] };

export interface FieldDiff {
  field: "title" | "summary" | "conditionName";
  before: string;
  after: string;
  segments: Segment[];
}

export interface ReferenceDiff {
  key: string;
  kind: "added" | "removed" | "changed";
  title: string;
  changes: Array<{ field: keyof ReferenceSnapshot; before: string; after: string }>;
}

export interface VersionDiff {
  fields: FieldDiff[];
  blocks: BlockDiff[];
  references: ReferenceDiff[];
  stats: { added: number; removed: number; changed: number; referencesChanged: number };
}

function describeBlock(b: BlockNode): string {
  return b.type === "heading" ? `heading ${b.attrs.level}` : b.type;
}

/**
 * Aligns two sequences by equality (jsdiff's Myers O(ND) diff: fast when few items differ, however long the
 * sequences). Returns pairs of indices, -1 standing for a gap on that side.
 */
function align(a: string[], b: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(a, b)) {
    for (let k = 0; k < change.value.length; k++) {
      if (change.removed) out.push([i++, -1]);
      else if (change.added) out.push([-1, j++]);
      else out.push([i++, j++]);
    }
  }
  return out;
}

function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** Word-level diff of two texts, with neighbouring segments of the same op merged. */
export function diffText(before: string, after: string): Segment[] {
  const a = tokens(before);
  const b = tokens(after);
  const segments: Segment[] = [];
  const push = (op: Segment["op"], text: string) => {
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  };
  for (const [i, j] of align(a, b)) {
    if (i >= 0 && j >= 0) push("equal", a[i]);
    else if (i >= 0) push("delete", a[i]);
    else push("insert", b[j]);
  }
  return segments;
}

/**
 * Top-level blocks that stayed the same between two versions, as [index before, index after] pairs (aligned as
 * diffBlocks aligns them): lets per-block state (a translation's "done" marks) follow the blocks that did not
 * change.
 */
export function unchangedBlockPairs(before: DocumentJson, after: DocumentJson): Array<[number, number]> {
  const keyOf = (b: BlockNode) => `${describeBlock(b)}\u0000${blockText(b, { citations: true })}`;
  return align(before.content.map(keyOf), after.content.map(keyOf)).filter(([i, j]) => i >= 0 && j >= 0);
}

/** `label` writes a citation for display (both sides with the same labels, so only real edits show). */
export function diffBlocks(
  before: DocumentJson,
  after: DocumentJson,
  label: (refKey: string) => string = (key) => `[${key}]`,
): BlockDiff[] {
  const keyOf = (b: BlockNode) => `${describeBlock(b)}\u0000${blockText(b, { citations: true })}`;
  const text = (b: BlockNode) => blockText(b, { citations: true, citationLabel: label });
  const a = before.content;
  const b = after.content;
  const pairs = align(a.map(keyOf), b.map(keyOf));
  const out: BlockDiff[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    // Pair removed and added blocks of the same kind, in order, as "changed"; the rest stay added/removed.
    const usedAdded = new Set<number>();
    for (const r of removed) {
      const match = added.find((x) => !usedAdded.has(x) && describeBlock(b[x]) === describeBlock(a[r]));
      if (match !== undefined) {
        usedAdded.add(match);
        out.push({
          kind: "changed",
          blockType: describeBlock(a[r]),
          segments: diffText(text(a[r]), text(b[match])),
        });
      } else out.push({ kind: "removed", blockType: describeBlock(a[r]), text: text(a[r]) });
    }
    for (const x of added)
      if (!usedAdded.has(x)) out.push({ kind: "added", blockType: describeBlock(b[x]), text: text(b[x]) });
    removed = [];
    added = [];
  };
  for (const [i, j] of pairs) {
    if (i >= 0 && j >= 0) {
      flush();
      out.push({ kind: "equal", blockType: describeBlock(b[j]), text: text(b[j]) });
    } else if (i >= 0) removed.push(i);
    else added.push(j);
  }
  flush();
  return out;
}

const REF_FIELDS: Array<keyof ReferenceSnapshot> = [
  "authors",
  "title",
  "containerTitle",
  "year",
  "url",
  "doi",
  "pmid",
  "accessedAt",
  "peerReviewed",
];
const show = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export function diffReferences(before: ReferenceSnapshot[], after: ReferenceSnapshot[]): ReferenceDiff[] {
  const a = new Map(before.map((r) => [r.key, r]));
  const b = new Map(after.map((r) => [r.key, r]));
  const out: ReferenceDiff[] = [];
  for (const [key, r] of a) {
    const next = b.get(key);
    if (!next) {
      out.push({ key, kind: "removed", title: r.title, changes: [] });
      continue;
    }
    const changes = REF_FIELDS.filter((f) => show(r[f]) !== show(next[f])).map((field) => ({
      field,
      before: show(r[field]),
      after: show(next[field]),
    }));
    if (changes.length) out.push({ key, kind: "changed", title: next.title, changes });
  }
  for (const [key, r] of b) if (!a.has(key)) out.push({ key, kind: "added", title: r.title, changes: [] });
  return out;
}

export function diffVersions(before: DiffableVersion, after: DiffableVersion): VersionDiff {
  const fields: FieldDiff[] = [];
  for (const field of ["title", "summary", "conditionName"] as const) {
    if (before[field] !== after[field])
      fields.push({
        field,
        before: before[field],
        after: after[field],
        segments: diffText(before[field], after[field]),
      });
  }
  // A reference in both versions is labelled as it is now; one that was removed, as it was.
  const label = citationLabeller([
    ...before.references.filter((r) => !after.references.some((x) => x.key === r.key)),
    ...after.references,
  ]);
  const blocks = diffBlocks(before.body, after.body, label);
  const references = diffReferences(before.references, after.references);
  return {
    fields,
    blocks,
    references,
    stats: {
      added: blocks.filter((b) => b.kind === "added").length,
      removed: blocks.filter((b) => b.kind === "removed").length,
      changed: blocks.filter((b) => b.kind === "changed").length,
      referencesChanged: references.length,
    },
  };
}
