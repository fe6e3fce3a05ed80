// Resolves a body's image nodes to ImageSnapshots from the media library: the current file of each item and
// its record. Freezing a revision stores these (Revision.imagesJson), so what a reviewer approved stays what
// readers get even if the library item is edited or replaced later.
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import type { DocumentJson } from "../content/document-schema";
import { imageMediaIds } from "../content/text";
import type { ImageSnapshot, ImageVariantSnapshot } from "../content/image-snapshot";

export interface SnapshotOptions {
  /** Freezing needs finished variants; a preview or a hash comparison does not. */
  requireReady: boolean;
}

export async function snapshotImages(db: DbTx, body: DocumentJson, opts: SnapshotOptions): Promise<ImageSnapshot[]> {
  const ids = imageMediaIds(body);
  if (!ids.length) return [];
  const items = await db.mediaItem.findMany({
    where: { id: { in: ids } },
    include: { file: { include: { variants: { orderBy: [{ format: "asc" }, { width: "asc" }] } } } },
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: ImageSnapshot[] = [];
  for (const id of ids) {
    const item = byId.get(id);
    if (!item || item.deletedAt) {
      if (!opts.requireReady) continue;
      throw new AppError(
        "VALIDATION",
        "The body places an image that is no longer in the media library. Remove it or choose another image.",
        { fieldErrors: { body: ["An image is missing from the media library."] }, details: { mediaId: id } },
      );
    }
    const name = item.alt ? `“${item.alt.slice(0, 60)}”` : item.originalName ? `“${item.originalName}”` : "an image";
    if (opts.requireReady && item.file.status !== "READY") {
      const message =
        item.file.status === "FAILED"
          ? `The sizes of ${name} could not be made (${item.file.error ?? "processing failed"}). Upload the image again.`
          : `The image ${name} is still being processed. Try again in a few seconds.`;
      throw new AppError("CONFLICT", message, { details: { mediaId: id, status: item.file.status } });
    }
    out.push({
      mediaId: item.id,
      fileSha256: item.file.sha256,
      width: item.file.width,
      height: item.file.height,
      alt: item.alt,
      caption: item.caption,
      credit: item.credit,
      sourceUrl: item.sourceUrl,
      licence: item.licence,
      licenceAgency: item.licenceAgency,
      clinical: item.clinical,
      variants:
        item.file.status === "READY"
          ? item.file.variants.map((v): ImageVariantSnapshot => ({
              width: v.width,
              height: v.height,
              format: v.format as ImageVariantSnapshot["format"],
              sha256: v.sha256,
            }))
          : [],
    });
  }
  return out;
}
