// The content hash of an article version: sha256 over a canonical serialisation of exactly what a reviewer
// signs off (title, summary, condition name, alternative names, body, references). Canonical = object keys
// sorted at every depth, no whitespace, references sorted by key (their display order derives from the body's
// citations, so two equal reference sets in a different stored order are the same content).
import { createHash } from "node:crypto";
import type { DocumentJson } from "./document-schema";
import type { ReferenceSnapshot } from "./reference-snapshot";
import { hashableImage, type ImageSnapshot } from "./image-snapshot";

export interface HashableContent {
  title: string;
  summary: string;
  conditionName: string;
  /** Left out of the hash when empty, so revisions frozen before alternative names existed keep their hash. */
  alternativeNames?: string[];
  body: DocumentJson;
  references: ReferenceSnapshot[];
  /** The images the body shows (bytes hash, alt text, caption, credit, licence): replacing an image or
   *  changing what readers are told about it changes the hash like any text edit. */
  images?: readonly ImageSnapshot[];
}

/** JSON with keys sorted at every level; `undefined` members are dropped as JSON.stringify would. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const s = JSON.stringify(value);
    return s === undefined ? "null" : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

export function canonicalContent(content: HashableContent): string {
  const references = [...content.references].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return canonicalJson({
    v: 1, // serialisation version: bump if the canonical form ever changes, so old hashes stay explainable
    title: content.title,
    summary: content.summary,
    conditionName: content.conditionName,
    alternativeNames: content.alternativeNames?.length ? content.alternativeNames : undefined,
    body: content.body,
    references,
    // Left out when there are none, so hashes of revisions without images stay what they always were.
    images: content.images?.length
      ? [...content.images]
          .map(hashableImage)
          .sort((a, b) => (a.mediaId < b.mediaId ? -1 : a.mediaId > b.mediaId ? 1 : 0))
      : undefined,
  });
}

export function contentHash(content: HashableContent): string {
  return createHash("sha256").update(canonicalContent(content), "utf8").digest("hex");
}
