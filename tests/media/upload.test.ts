// Uploading images: what is accepted, what is refused (each with a clear message and nothing stored), and
// the variants the job makes (sizes, formats, no EXIF/GPS, orientation applied).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeUser, type TestUser } from "../helpers/factory";
import { bombPng, jpegWithGps, pngWithAlpha } from "../helpers/image-fixtures";
import { catchAppError } from "../helpers/catch-app-error";
import { uploadMedia } from "../../lib/media/upload-media";
import { FolderStorage } from "../../lib/media/storage";
import { claimMediaJob, drainMediaJobs, runMediaJob } from "../../lib/media/media-jobs";

const t = createTestDb();
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-media-"));
const storage = new FolderStorage(dir);
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function storedFiles(): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

let writer: TestUser;
beforeAll(async () => {
  writer = await makeUser(t.db, { roles: ["WRITER"] });
});

describe("refused uploads store nothing", () => {
  const cases: Array<[string, () => Promise<Buffer> | Buffer, string, string, RegExp]> = [
    [
      "a PHP file renamed .png",
      () => Buffer.from("<?php system($_GET['c']); ?>\n"),
      "shell.png",
      "UNSUPPORTED_MEDIA_TYPE",
      /PHP code, not an image/,
    ],
    [
      "an HTML file renamed .png",
      () => Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
      "page.png",
      "UNSUPPORTED_MEDIA_TYPE",
      /HTML document, not an image/,
    ],
    [
      "a truncated JPEG",
      async () => {
        const j = await jpegWithGps();
        return j.subarray(0, Math.floor(j.length / 2));
      },
      "cut.jpg",
      "VALIDATION",
      /incomplete|truncated/,
    ],
    [
      "a 100-megapixel PNG (decompression bomb)",
      () => bombPng(),
      "bomb.png",
      "PAYLOAD_TOO_LARGE",
      /10000 × 10000 pixels \(100 megapixels\); the limit is 40 megapixels/,
    ],
    [
      "an SVG with a script",
      () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>',
        ),
      "diagram.svg",
      "UNSUPPORTED_MEDIA_TYPE",
      /SVG contains a script, and SVG images are not accepted/,
    ],
    ["a path in the file name", () => jpegWithGps(), "../../etc/passwd.jpg", "VALIDATION", /file name contains a path/],
    [
      "a Windows path in the file name",
      () => jpegWithGps(),
      "C:\\Users\\me\\lesion.jpg",
      "VALIDATION",
      /file name contains a path/,
    ],
    ["an empty file", () => Buffer.alloc(0), "empty.jpg", "VALIDATION", /empty/],
  ];
  it.each(cases)("%s", async (_name, make, fileName, code, message) => {
    const bytes = await make();
    const err = await catchAppError(uploadMedia(t.db, storage, writer, { bytes, fileName }));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(await t.db.mediaItem.count()).toBe(0);
    expect(await t.db.mediaFile.count()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses readers and reviewers", async () => {
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const bytes = await jpegWithGps();
    expect((await catchAppError(uploadMedia(t.db, storage, reviewer, { bytes, fileName: "x.jpg" }))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("accepted uploads", () => {
  it("decides the type from the bytes, keeps the original private, and makes clean variants once", async () => {
    // A JPEG named .png, stored sideways (EXIF orientation 6): the type comes from the bytes, the size after rotation.
    const bytes = await jpegWithGps(2000, 1000, 6);
    const result = await uploadMedia(t.db, storage, writer, { bytes, fileName: "IMG_2041.png" });
    expect(result).toMatchObject({ status: "PENDING", width: 1000, height: 2000, replaced: false });
    const file = await t.db.mediaFile.findFirstOrThrow();
    expect(file.mimeType).toBe("image/jpeg");
    expect(await t.db.auditEvent.count({ where: { action: "media.uploaded", entityId: result.id } })).toBe(1);

    expect(await drainMediaJobs(t.db, storage)).toBe(1);
    expect(await drainMediaJobs(t.db, storage)).toBe(0); // once per upload
    const done = await t.db.mediaFile.findUniqueOrThrow({ where: { id: file.id }, include: { variants: true } });
    expect(done.status).toBe("READY");
    const summary = done.variants.map((v) => `${v.format}@${v.width}x${v.height}`).sort();
    expect(summary).toEqual(
      ["avif", "webp", "jpeg"].flatMap((f) => [`${f}@480x960`, `${f}@960x1920`, `${f}@1000x2000`]).sort(),
    );
    for (const v of done.variants) {
      const meta = await sharp((await storage.get(v.sha256))!).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.format).toBe(v.format === "jpeg" ? "jpeg" : v.format === "avif" ? "heif" : v.format);
      expect(meta.width).toBe(v.width);
    }
  });

  it("uses PNG as the fallback for transparent images and never enlarges small ones", async () => {
    const r = await uploadMedia(t.db, storage, writer, { bytes: await pngWithAlpha(300, 200), fileName: "" });
    await drainMediaJobs(t.db, storage);
    const variants = await t.db.mediaVariant.findMany({ where: { file: { items: { some: { id: r.id } } } } });
    expect(variants.map((v) => `${v.format}@${v.width}`).sort()).toEqual(["avif@300", "png@300", "webp@300"]);
  });

  it("shares the file of identical bytes, and a crashed job is taken over after its claim goes stale", async () => {
    const bytes = await jpegWithGps(640, 480);
    const a = await uploadMedia(t.db, storage, writer, { bytes, fileName: "a.jpg" });
    const b = await uploadMedia(t.db, storage, writer, { bytes, fileName: "b.jpg" });
    expect(a.fileId).toBe(b.fileId);
    const claimed = await claimMediaJob(t.db);
    expect(claimed?.id).toBe(a.fileId);
    // The process "dies" here; a second worker finds nothing to do until the claim is stale.
    expect(await claimMediaJob(t.db)).toBeNull();
    const later = new Date(Date.now() + 10 * 60_000);
    const retaken = await claimMediaJob(t.db, later);
    expect(retaken?.id).toBe(a.fileId);
    expect(await runMediaJob(t.db, storage, retaken!)).toBe("READY");
    expect((await t.db.mediaFile.findUniqueOrThrow({ where: { id: a.fileId } })).attempts).toBe(2);
  });
});
