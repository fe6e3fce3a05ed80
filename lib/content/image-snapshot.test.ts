import { describe, expect, it } from "vitest";
import { renderDocument } from "./render";
import { contentHash } from "./hash";
import { parseDocument } from "./document-schema";
import type { ImageSnapshot } from "./image-snapshot";
import { buildArticleJsonLd } from "../public/json-ld";
import { diffImages } from "../revisions/diff-images";
import { altTextProblem } from "../media/alt-text";
import { detectImageType } from "../media/detect-type";
import { variantWidths } from "../media/limits";
import { fileNameProblem } from "../media/file-name";

const sha = (c: string) => c.repeat(64);
const image = (over: Partial<ImageSnapshot> = {}): ImageSnapshot => ({
  mediaId: "m1",
  fileSha256: sha("f"),
  width: 3000,
  height: 2000,
  alt: "Firm white nodules on a fingertip",
  caption: "Calcinosis <cutis>",
  credit: "Dr A",
  sourceUrl: "javascript:alert(1)",
  licence: "CC_BY_4",
  licenceAgency: "",
  clinical: true,
  variants: (["avif", "webp", "jpeg"] as const).flatMap((format, f) =>
    [480, 960, 1600].map((width, w) => ({
      width,
      height: Math.round((width * 2) / 3),
      format,
      sha256: sha(String(f * 3 + w)),
    })),
  ),
  ...over,
});
const doc = (ids: string[]) => ({
  type: "doc",
  content: ids.map((mediaId) => ({ type: "image", attrs: { mediaId } })),
});

describe("image rendering", () => {
  it("renders figure/picture with AVIF and WebP sources, a JPEG img with size, lazy after the first", () => {
    const html = renderDocument(doc(["m1", "m2", "gone"]), [], [image(), image({ mediaId: "m2", alt: "Second" })]).html;
    const [first, second, third] = html.split("\n");
    expect(first).toMatch(
      /^<figure class="article-image"><picture><source type="image\/avif" srcset="\/media\/0{64}\.avif 480w, \/media\/1{64}\.avif 960w, \/media\/2{64}\.avif 1600w" sizes="[^"]+"><source type="image\/webp"/,
    );
    expect(first).toMatch(
      /<img src="\/media\/7{64}\.jpg" srcset="[^"]*\.jpg 480w[^"]*" sizes="[^"]+" width="1600" height="1067" alt="Firm white nodules on a fingertip" decoding="async" fetchpriority="high">/,
    );
    expect(first).toContain("Calcinosis &lt;cutis&gt;");
    expect(first).toContain('rel="license noopener">CC BY 4.0</a>');
    expect(first).not.toContain("javascript:");
    expect(second).toContain('loading="lazy"');
    expect(third).toContain("Image not available");
  });

  it("hash covers bytes and alt text but stays as before for bodies without images", () => {
    const base = { title: "T", summary: "", conditionName: "", body: parseDocument(doc(["m1"])), references: [] };
    const h = contentHash({ ...base, images: [image()] });
    expect(contentHash({ ...base, images: [image({ alt: "Other" })] })).not.toBe(h);
    expect(contentHash({ ...base, images: [image({ fileSha256: sha("e") })] })).not.toBe(h);
    expect(contentHash({ ...base, images: [image({ variants: [] })] })).toBe(h);
    expect(contentHash({ ...base, images: [] })).toBe(contentHash(base));
  });

  it("JSON-LD lists ImageObjects with licence and credit; the diff names what changed", () => {
    const ld = buildArticleJsonLd(
      {
        articleId: "a",
        locale: "en",
        translations: [],
        sourceUpdated: null,
        revisionId: "r",
        revisionNumber: 1,
        slug: "s",
        title: "T",
        summary: "",
        conditionName: "",
        bodyHtml: "",
        authors: [],
        review: null,
        firstPublishedAt: "2026-01-01T00:00:00.000Z",
        lastModifiedAt: "2026-01-01T00:00:00.000Z",
        references: [],
        contentHash: "c".repeat(64),
        approvalId: null,
        reviewDue: false,
        images: [
          {
            contentPath: "/media/x.jpg",
            width: 1600,
            height: 1067,
            alt: "A",
            caption: "C",
            credit: "Dr A",
            licenceUrl: "https://creativecommons.org/licenses/by/4.0/",
            licenceLabel: "CC BY 4.0",
          },
        ],
      },
      "https://example.org",
    );
    expect(ld.image).toEqual([
      expect.objectContaining({
        "@type": "ImageObject",
        contentUrl: "https://example.org/media/x.jpg",
        creditText: "Dr A",
        license: "https://creativecommons.org/licenses/by/4.0/",
      }),
    ]);
    const changes = diffImages([image()], [image({ alt: "New alt", fileSha256: sha("a") }), image({ mediaId: "m9" })]);
    expect(changes.map((c) => [c.kind, c.changes.map((x) => x.field)])).toEqual([
      ["changed", ["file", "alt text"]],
      ["added", []],
    ]);
  });
});

describe("upload rules", () => {
  it("alt text check", () => {
    expect(altTextProblem("Chalky nodules on two fingertips")).toBeNull();
    expect(altTextProblem("  ")).toMatch(/required/);
    expect(altTextProblem("lesion_final_v2")).toMatch(/file name/);
    expect(altTextProblem("PXL_20240101_123456.jpg")).toMatch(/file name/);
    expect(altTextProblem("A picture of a hand")).toMatch(/image of/);
    expect(altTextProblem("Photograph")).toMatch(/image of/);
  });
  it("type from magic numbers, widths, file names", () => {
    expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: true, mimeType: "image/jpeg" });
    expect(detectImageType(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toEqual({ ok: true, mimeType: "image/webp" });
    expect(detectImageType(Buffer.from("\0\0\0\x1cftypavif\0\0\0\0mif1miaf"))).toEqual({
      ok: true,
      mimeType: "image/avif",
    });
    expect(detectImageType(Buffer.from("\0\0\0\x18ftypheic\0\0\0\0mif1heic"))).toEqual({ ok: false, kind: "heic" });
    expect(detectImageType(Buffer.from('<?xml version="1.0"?><svg onload="x()"></svg>'))).toEqual({
      ok: false,
      kind: "svg-script",
    });
    expect(variantWidths(4000)).toEqual([480, 960, 1600]);
    expect(variantWidths(1200)).toEqual([480, 960, 1200]);
    expect(variantWidths(300)).toEqual([300]);
    expect(fileNameProblem("lesion.jpg")).toBeNull();
    expect(fileNameProblem("..")).toMatch(/path/);
  });
});
