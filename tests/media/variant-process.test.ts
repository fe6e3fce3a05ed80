// The app's worker makes variants in a separate process (lib/media/variant-maker.ts): the same renditions as
// in-process, and a process that dies mid-job costs only that attempt; the next one starts a fresh process.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeUser, type TestUser } from "../helpers/factory";
import { jpegWithGps } from "../helpers/image-fixtures";
import { uploadMedia } from "../../lib/media/upload-media";
import { FolderStorage } from "../../lib/media/storage";
import { claimMediaJob, runMediaJob } from "../../lib/media/media-jobs";
import { VariantProcess } from "../../lib/media/variant-maker";

const t = createTestDb();
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-variant-process-"));
const storage = new FolderStorage(dir);
const variantProcess = new VariantProcess({ root: dir });
afterAll(async () => {
  variantProcess.close();
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

let writer: TestUser;
beforeAll(async () => {
  writer = await makeUser(t.db, { roles: ["WRITER"] });
});

describe("the variant process", () => {
  it("makes clean variants at every width and format, like the in-process maker", async () => {
    const up = await uploadMedia(t.db, storage, writer, { bytes: await jpegWithGps(1200, 800), fileName: "a.jpg" });
    const job = await claimMediaJob(t.db);
    expect(job?.id).toBe(up.fileId);
    expect(await runMediaJob(t.db, storage, job!, variantProcess.make)).toBe("READY");
    const variants = await t.db.mediaVariant.findMany({ where: { fileId: up.fileId } });
    expect(variants.map((v) => `${v.format}@${v.width}x${v.height}`).sort()).toEqual(
      ["avif", "webp", "jpeg"].flatMap((f) => [`${f}@480x320`, `${f}@960x640`, `${f}@1200x800`]).sort(),
    );
    for (const v of variants) {
      const meta = await sharp((await storage.get(v.sha256))!).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.width).toBe(v.width);
    }
    expect(variantProcess.lastStats.peakRssMb).toBeGreaterThan(0);
    expect(variantProcess.lastStats.cpuMs).toBeGreaterThan(0);
  }, 60_000);

  it("a process killed mid-job fails that attempt with a reason; the retry runs in a fresh process", async () => {
    const up = await uploadMedia(t.db, storage, writer, { bytes: await jpegWithGps(900, 600), fileName: "b.jpg" });
    const job = (await claimMediaJob(t.db))!;
    const running = runMediaJob(t.db, storage, job, variantProcess.make);
    const pid = variantProcess.pid;
    expect(pid).toBeDefined();
    process.kill(pid!, "SIGKILL");
    expect(await running).toBe("PENDING");
    const failed = await t.db.mediaFile.findUniqueOrThrow({ where: { id: up.fileId } });
    expect(failed.error).toMatch(/image processing process stopped \(SIGKILL\)/);
    expect(await t.db.mediaVariant.count({ where: { fileId: up.fileId } })).toBe(0);

    const retry = (await claimMediaJob(t.db))!;
    expect(retry.id).toBe(up.fileId);
    expect(await runMediaJob(t.db, storage, retry, variantProcess.make)).toBe("READY");
    expect(variantProcess.pid).not.toBe(pid);
    expect(await t.db.mediaVariant.count({ where: { fileId: up.fileId } })).toBe(6); // 480 and 900 wide × 3 formats
  }, 60_000);
});
