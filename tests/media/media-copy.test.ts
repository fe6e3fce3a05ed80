// media:copy (lib/media/copy-folder-to-bucket.ts, scripts/media-copy.ts) into a local s3rver: every object is
// hashed on both sides, a second run verifies and keeps what is there, a wrong object in the bucket is replaced,
// and a damaged file in the folder is reported and not copied.
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Stub, type S3Stub } from "../helpers/s3-stub";
import { copyFolderToBucket, listFolderObjects } from "../../lib/media/copy-folder-to-bucket";
import { S3Storage } from "../../lib/media/s3-storage";
import { FolderStorage, sha256Of } from "../../lib/media/storage";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-media-copy-"));
const folder = new FolderStorage(dir);
let stub: S3Stub;
let bucket: S3Storage;
const stored: Buffer[] = [];

beforeAll(async () => {
  stub = await startS3Stub({ buckets: ["copy-target", "script-target"] });
  bucket = new S3Storage(stub.config("copy-target", "media/"));
  for (let i = 0; i < 12; i++) {
    // Sizes from empty-ish to a few hundred kilobytes (several stream chunks).
    const bytes = Buffer.alloc(1 + i * 37_000, `object ${i} `);
    stored.push(bytes);
    await folder.put(bytes);
  }
  // Not objects: a temporary file of an interrupted write and a stray file.
  const sha = sha256Of(stored[0]);
  writeFileSync(path.join(dir, sha.slice(0, 2), `${sha}.abc123.tmp`), "partial");
  writeFileSync(path.join(dir, "README"), "not media");
});
afterAll(async () => {
  bucket?.client.destroy();
  await stub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("media:copy", () => {
  it("lists only the folder's objects", async () => {
    expect(await listFolderObjects(dir)).toEqual(stored.map(sha256Of).sort());
  });

  it("copies every object and verifies each by its hash; a second run keeps and re-verifies them", async () => {
    const progress: number[] = [];
    const first = await copyFolderToBucket(folder, bucket, { onProgress: (done) => progress.push(done) });
    expect(first).toEqual({ total: 12, copied: 12, alreadyThere: 0, replaced: 0, failed: [] });
    expect(progress.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const bytes of stored) expect((await bucket.get(sha256Of(bytes)))?.equals(bytes)).toBe(true);

    const again = await copyFolderToBucket(folder, bucket);
    expect(again).toEqual({ total: 12, copied: 0, alreadyThere: 12, replaced: 0, failed: [] });
  });

  it("replaces an object whose bytes in the bucket are wrong, and refuses a damaged file in the folder", async () => {
    const wrongInBucket = sha256Of(stored[3]);
    await bucket.client.send(
      new PutObjectCommand({ Bucket: "copy-target", Key: bucket.keyOf(wrongInBucket), Body: Buffer.from("garbage") }),
    );
    const damaged = sha256Of(stored[5]);
    writeFileSync(path.join(dir, damaged.slice(0, 2), damaged), "bit rot");
    await bucket.remove(damaged);

    const report = await copyFolderToBucket(folder, bucket);
    expect(report).toMatchObject({ total: 12, copied: 0, alreadyThere: 10, replaced: 1 });
    expect(report.failed).toEqual([{ sha256: damaged, problem: expect.stringMatching(/damaged/) }]);
    expect((await bucket.get(wrongInBucket))?.equals(stored[3])).toBe(true);
    expect(await bucket.exists(damaged)).toBe(false);
    writeFileSync(path.join(dir, damaged.slice(0, 2), damaged), stored[5]);
  });

  it("runs as npm run media:copy with the bucket from MEDIA_S3_* settings, printing the verification", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/media-copy.ts", "--from", dir], {
      cwd: ROOT,
      env: { ...process.env, ...stub.env("script-target", "site/"), MEDIA_STORE: "" },
    });
    expect(stdout).toContain(
      "12 objects: 12 copied, 0 already there, 0 replaced (the bucket's bytes were wrong), 0 failed",
    );
    const target = new S3Storage(stub.config("script-target", "site/"));
    for (const bytes of stored) expect(await target.exists(sha256Of(bytes))).toBe(true);
    target.client.destroy();

    const missing = await run("npx", ["tsx", "scripts/media-copy.ts", "--from", dir], {
      cwd: ROOT,
      env: { ...process.env, ...stub.env("no-such-bucket") },
    }).catch((err: { code: number; stderr: string }) => err);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining("does not answer") });
  }, 60_000);
});
