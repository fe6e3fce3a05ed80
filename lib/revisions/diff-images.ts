// Image changes between two versions, by media item: added, removed, or changed (another file, or a change
// to what readers are told: alt text, caption, credit, source, licence, clinical flag). Pure.
import type { ImageSnapshot } from "../content/image-snapshot";
import { licenceLabel } from "../media/licences";

export interface ImageChange {
  mediaId: string;
  kind: "added" | "removed" | "changed";
  /** Alt text of the newer version (or the removed one), to name the image. */
  alt: string;
  changes: Array<{ field: string; before: string; after: string }>;
}

const FIELDS: Array<[string, (i: ImageSnapshot) => string]> = [
  ["file", (i) => (i.fileSha256 ? `${i.width} × ${i.height} px (${i.fileSha256.slice(0, 12)})` : "")],
  ["alt text", (i) => i.alt],
  ["caption", (i) => i.caption],
  ["credit", (i) => i.credit],
  ["source", (i) => i.sourceUrl ?? ""],
  ["licence", (i) => licenceLabel(i.licence, i.licenceAgency)],
  ["clinical photograph", (i) => (i.clinical ? "yes" : "no")],
];

export function diffImages(before: readonly ImageSnapshot[], after: readonly ImageSnapshot[]): ImageChange[] {
  const a = new Map(before.map((i) => [i.mediaId, i]));
  const b = new Map(after.map((i) => [i.mediaId, i]));
  const out: ImageChange[] = [];
  for (const img of after) {
    const old = a.get(img.mediaId);
    if (!old) {
      out.push({ mediaId: img.mediaId, kind: "added", alt: img.alt, changes: [] });
      continue;
    }
    const changes = FIELDS.map(([field, get]) => ({ field, before: get(old), after: get(img) })).filter(
      (c) => c.before !== c.after,
    );
    if (changes.length) out.push({ mediaId: img.mediaId, kind: "changed", alt: img.alt, changes });
  }
  for (const img of before)
    if (!b.has(img.mediaId)) out.push({ mediaId: img.mediaId, kind: "removed", alt: img.alt, changes: [] });
  return out;
}
