// Upload limits and the renditions made of every image. Changing the widths or formats only affects images
// processed afterwards; revisions keep the variants they froze.

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Checked from the header before any decoding (a small file can declare a huge canvas: a decompression bomb). */
export const MAX_PIXELS = 40_000_000;
/** Widths of the resized variants; an image narrower than one of them gets its own width instead. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

export const ACCEPTED_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

/** The widths to make for an image `width` pixels wide: the standard ones below it plus its own (capped). */
export function variantWidths(width: number): number[] {
  const max = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1];
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < width);
  widths.push(Math.min(width, max));
  return [...new Set(widths)].sort((a, b) => a - b);
}

export type VariantFormat = "avif" | "webp" | "jpeg" | "png";
export const VARIANT_MIME: Record<VariantFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
};
/** File extension in variant URLs (/media/<sha256>.<ext>). */
export const VARIANT_EXT: Record<VariantFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" };

export function formatFromExt(ext: string): VariantFormat | null {
  const found = (Object.keys(VARIANT_EXT) as VariantFormat[]).find((f) => VARIANT_EXT[f] === ext);
  return found ?? null;
}
