// An image as a revision froze it: which bytes (the file's sha256 and its variants) and the editorial record
// readers see (alt text, caption, credit, source, licence). Stored in Revision.imagesJson, rendered into the
// body HTML, covered by the content hash. Pure: used on the server and by the editor's preview.
import { isLicenceCode, licenceLabel, LICENCES } from "../media/licences";
import { isSafeHttpUrl } from "./document-schema";

export interface ImageVariantSnapshot {
  width: number;
  height: number;
  format: "avif" | "webp" | "jpeg" | "png";
  sha256: string;
}

export interface ImageSnapshot {
  mediaId: string;
  fileSha256: string;
  /** Display size of the original (after orientation). */
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  sourceUrl: string | null;
  licence: string | null;
  licenceAgency: string;
  clinical: boolean;
  /** Empty while the variants are still being made (only in a draft preview; frozen revisions need them). */
  variants: ImageVariantSnapshot[];
}

/** What the content hash covers of an image: its bytes and everything readers are told about it. */
export function hashableImage(i: ImageSnapshot) {
  return {
    mediaId: i.mediaId,
    sha256: i.fileSha256,
    alt: i.alt,
    caption: i.caption,
    credit: i.credit,
    sourceUrl: i.sourceUrl,
    licence: i.licence,
    licenceAgency: i.licenceAgency,
    clinical: i.clinical,
  };
}

export function parseImagesJson(json: string | null | undefined): ImageSnapshot[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as ImageSnapshot[]).filter((v) => v && typeof v.mediaId === "string") : [];
  } catch {
    return [];
  }
}

export const VARIANT_EXTENSIONS = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" } as const;

export function variantUrl(v: Pick<ImageVariantSnapshot, "sha256" | "format">): string {
  return `/media/${v.sha256}.${VARIANT_EXTENSIONS[v.format]}`;
}

/** The article column is at most 46rem (736 px) wide; on narrow screens the image spans the viewport. */
export const IMAGE_SIZES = "(max-width: 48rem) calc(100vw - 2rem), 46rem";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The credit line under an image: "Photo: X · Licence (linked) · Source". */
export function creditLine(i: ImageSnapshot): string {
  const parts: string[] = [];
  if (i.credit.trim()) parts.push(`<span class="image-credit-name">${esc(i.credit.trim())}</span>`);
  const label = licenceLabel(i.licence, i.licenceAgency);
  if (label) {
    const url = isLicenceCode(i.licence) ? LICENCES[i.licence].url : null;
    parts.push(url ? `<a href="${esc(url)}" rel="license noopener">${esc(label)}</a>` : esc(label));
  }
  if (i.sourceUrl && isSafeHttpUrl(i.sourceUrl))
    parts.push(`<a href="${esc(i.sourceUrl)}" rel="nofollow noopener">Source</a>`);
  return parts.join(" · ");
}

/**
 * <figure><picture> with AVIF and WebP sources and a JPEG/PNG <img> fallback, each with a srcset of every
 * width; explicit width and height (the largest variant's) so the page does not shift while it loads; lazy
 * loading for every image but the first of the article (the first may be in view on arrival).
 */
export function renderImageFigure(image: ImageSnapshot | undefined, opts: { eager: boolean }): string {
  if (!image) return `<figure class="article-image image-missing"><p>[Image not available]</p></figure>`;
  const caption = image.caption.trim() ? `<span class="image-caption">${esc(image.caption.trim())}</span>` : "";
  const credit = creditLine(image);
  const figcaption =
    caption || credit
      ? `<figcaption>${caption}${caption && credit ? " " : ""}${credit ? `<span class="image-credit">${credit}</span>` : ""}</figcaption>`
      : "";
  if (!image.variants.length) {
    return `<figure class="article-image image-processing"><p role="status">Image “${esc(image.alt || "untitled")}” is being processed…</p>${figcaption}</figure>`;
  }
  const byFormat = (f: ImageVariantSnapshot["format"]) =>
    image.variants.filter((v) => v.format === f).sort((a, b) => a.width - b.width);
  const srcset = (vs: ImageVariantSnapshot[]) => vs.map((v) => `${variantUrl(v)} ${v.width}w`).join(", ");
  const fallback = byFormat("jpeg").length ? byFormat("jpeg") : byFormat("png");
  const largest = fallback[fallback.length - 1] ?? image.variants[image.variants.length - 1];
  const defaultSrc = fallback.find((v) => v.width >= 960) ?? largest;
  const sources = (["avif", "webp"] as const)
    .map((f) => byFormat(f))
    .filter((vs) => vs.length)
    .map((vs) => `<source type="image/${vs[0].format}" srcset="${srcset(vs)}" sizes="${IMAGE_SIZES}">`)
    .join("");
  const loading = opts.eager ? ` fetchpriority="high"` : ` loading="lazy"`;
  const img = `<img src="${variantUrl(defaultSrc)}" srcset="${srcset(fallback)}" sizes="${IMAGE_SIZES}" width="${largest.width}" height="${largest.height}" alt="${esc(image.alt)}" decoding="async"${loading}>`;
  return `<figure class="article-image"><picture>${sources}${img}</picture>${figcaption}</figure>`;
}
