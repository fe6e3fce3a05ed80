// Looks inside an upload before anything is stored: the pixel count from the header (before any decoding,
// so a tiny file declaring a gigantic canvas is refused without allocating it), then one full decode at
// thumbnail size, which fails on a truncated or corrupt file.
import sharp, { type Metadata } from "sharp";
import { AppError } from "../errors";
import { MAX_PIXELS } from "./limits";

export interface ImageFacts {
  /** Display size, after the EXIF orientation is applied. */
  width: number;
  height: number;
}

/** Options every sharp pipeline on an upload uses: the pixel cap and strict decoding. */
export const SHARP_INPUT = { limitInputPixels: MAX_PIXELS, failOn: "warning", pages: 1 } as const;

export async function inspectImage(bytes: Buffer): Promise<ImageFacts> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { ...SHARP_INPUT, limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (!width || !height) throw unreadable();
  if (width * height > MAX_PIXELS) {
    const mp = ((width * height) / 1_000_000).toFixed(0);
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The image is ${width} × ${height} pixels (${mp} megapixels); the limit is ${MAX_PIXELS / 1_000_000} megapixels. Scale it down and upload it again.`,
      { fieldErrors: { file: ["Too many pixels."] }, details: { width, height, maxPixels: MAX_PIXELS } },
    );
  }
  try {
    await sharp(bytes, SHARP_INPUT).resize(32, 32, { fit: "inside" }).raw().toBuffer();
  } catch (err) {
    const detail = err instanceof Error ? err.message : "";
    const truncated = /premature|truncat|end of|short|incomplete|unexpected end/i.test(detail);
    throw new AppError(
      "VALIDATION",
      truncated
        ? "The image file is incomplete (it ends before the picture does): the upload or the file is truncated. Upload the complete file."
        : "The image could not be decoded: the file is damaged. Open it in an image editor, save it again and upload that.",
      { fieldErrors: { file: [truncated ? "The file is truncated." : "The file is damaged."] } },
    );
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  return rotated ? { width: height, height: width } : { width, height };
}

function unreadable(): AppError {
  return new AppError(
    "VALIDATION",
    "The image header could not be read: the file is damaged or not really an image. Upload the original file.",
    { fieldErrors: { file: ["Unreadable image."] } },
  );
}
