// Makes the served renditions of one uploaded original: auto-rotated by its EXIF orientation, every metadata
// block dropped (sharp writes none unless asked: no EXIF, no GPS, no XMP, no ICC beyond sRGB conversion),
// resized to each width of variantWidths() in AVIF, WebP and a fallback (JPEG, or PNG when the image has
// transparency). The original is decoded once, shrunk to the largest width, and the smaller sizes are made
// from that buffer, which keeps time and memory low for large photographs.
import sharp, { type Sharp } from "sharp";
import { SHARP_INPUT } from "./inspect-image";
import { variantWidths, type VariantFormat } from "./limits";
import type { MediaStorage } from "./storage";

export interface MadeVariant {
  width: number;
  height: number;
  format: VariantFormat;
  sha256: string;
  bytes: number;
}

/**
 * Encoder settings. The effort levels are the fast end of each encoder: on the 2-core reference machine AVIF
 * effort 2 took three times as long as effort 0 for a few percent smaller files, and the whole upload had to
 * stay under 3 s for a 12-megapixel photo (npm run bench:media). AVIF gets 4:2:0 chroma like the JPEG
 * fallback (sharp's AVIF default is 4:4:4): for photographs the difference is not visible, and it cut the
 * AVIF encoder's time by about a quarter and the processing's peak memory by about 40 MB.
 */
function encode(pipeline: Sharp, format: VariantFormat): Sharp {
  switch (format) {
    case "avif":
      return pipeline.avif({ quality: 55, effort: 0, chromaSubsampling: "4:2:0" });
    case "webp":
      return pipeline.webp({ quality: 78, effort: 1 });
    case "jpeg":
      return pipeline.jpeg({ quality: 80, progressive: true });
    case "png":
      return pipeline.png({ compressionLevel: 8 });
  }
}

export async function makeVariants(original: Buffer, storage: MediaStorage): Promise<MadeVariant[]> {
  const { data, info } = await sharp(original, SHARP_INPUT)
    .rotate() // applies the EXIF orientation, then the orientation tag is gone with the rest of the metadata
    .resize({ width: Math.max(...variantWidths(Number.MAX_SAFE_INTEGER)), withoutEnlargement: true })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const formats: VariantFormat[] = ["avif", "webp", info.channels === 4 ? "png" : "jpeg"];
  const made: MadeVariant[] = [];
  for (const width of variantWidths(info.width)) {
    for (const format of formats) {
      const pipeline = sharp(data, { raw });
      const sized = width < info.width ? pipeline.resize({ width }) : pipeline;
      const { data: bytes, info: out } = await encode(sized, format).toBuffer({ resolveWithObject: true });
      const { sha256 } = await storage.put(bytes);
      made.push({ width: out.width, height: out.height, format, sha256, bytes: bytes.length });
    }
  }
  return made;
}
