// Media in an S3-compatible bucket (lib/media/s3-storage.ts), against a local s3rver started here (never the
// network): the storage calls, keys under the prefix, signed URLs, the readiness ping, and an upload whose
// variants the separate variant process reads and writes through the bucket (nothing in a local folder).
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { createServer } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeUser, type TestUser } from "../helpers/factory";
import { jpegWithGps } from "../helpers/image-fixtures";
import { startS3Stub, type S3Stub } from "../helpers/s3-stub";
import { S3Storage } from "../../lib/media/s3-storage";
import { sha256Of } from "../../lib/media/storage";
import { uploadMedia } from "../../lib/media/upload-media";
import { claimMediaJob, runMediaJob } from "../../lib/media/media-jobs";
import { VariantProcess } from "../../lib/media/variant-maker";

const t = createTestDb();
let stub: S3Stub;
let storage: S3Storage;
let writer: TestUser;

beforeAll(async () => {
  stub = await startS3Stub({ buckets: ["media-test"] });
  storage = new S3Storage(stub.config("media-test", "site-a/"));
  writer = await makeUser(t.db, { roles: ["WRITER"] });
});
afterAll(async () => {
  storage?.client.destroy();
  await stub?.stop();
  await t.cleanup();
});

async function keys(): Promise<string[]> {
  const listed = await storage.client.send(new ListObjectsV2Command({ Bucket: "media-test" }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

describe("S3Storage", () => {
  it("stores by content hash under the prefix, once, and reads the same bytes back", async () => {
    const bytes = Buffer.from("the same bytes, twice");
    const sha256 = sha256Of(bytes);
    expect(await storage.put(bytes)).toEqual({ sha256, created: true });
    expect(await storage.put(bytes)).toEqual({ sha256, created: false });
    expect(await keys()).toContain(`site-a/${sha256.slice(0, 2)}/${sha256}`);
    expect(await storage.exists(sha256)).toBe(true);
    expect((await storage.get(sha256))?.equals(bytes)).toBe(true);
    const streamed = await storage.stream(sha256);
    expect(streamed?.size).toBe(bytes.length);
    expect(Buffer.from(await new Response(streamed!.body).arrayBuffer()).equals(bytes)).toBe(true);
    await storage.remove(sha256);
    expect(await storage.exists(sha256)).toBe(false);
  });

  it("answers null for an absent object and refuses a key that is not a sha256", async () => {
    const absent = "0".repeat(64);
    expect(await storage.get(absent)).toBeNull();
    expect(await storage.stream(absent)).toBeNull();
    expect(await storage.exists(absent)).toBe(false);
    await expect(storage.get("../etc/passwd")).rejects.toThrow(/sha256/);
  });

  it("signs one URL per half-window, which the store answers with the given headers", async () => {
    const bytes = Buffer.from("signed bytes");
    const { sha256 } = await storage.put(bytes);
    const options = { contentType: "image/webp", cacheControl: "public, max-age=31536000, immutable", seconds: 300 };
    const at = (iso: string) => storage.signedUrl(sha256, { ...options, now: new Date(iso) });
    const a = await at("2026-12-07T10:00:10Z");
    expect((await at("2026-12-07T10:02:29Z")).url).toBe(a.url);
    expect((await at("2026-12-07T10:02:31Z")).url).not.toBe(a.url);
    expect(a.validUntil.toISOString()).toBe("2026-12-07T10:05:00.000Z");

    const fresh = await storage.signedUrl(sha256, options);
    const res = await fetch(fresh.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe(options.cacheControl);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    // Short-lived: a URL signed an hour ago for 300 s is refused (s3rver checks expiry, not SigV4 signatures).
    const old = await storage.signedUrl(sha256, { ...options, now: new Date(Date.now() - 3600_000) });
    expect((await fetch(old.url)).status).toBe(403);
  });

  it("pings the bucket; a missing bucket or a silent endpoint fails within the timeout, naming no address", async () => {
    await expect(storage.ping(2000)).resolves.toBeUndefined();
    const missing = new S3Storage(stub.config("no-such-bucket"));
    await expect(missing.ping(2000)).rejects.toThrow("object store bucket not reachable");
    missing.client.destroy();

    // A port that accepts connections and never answers.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const hanging = new S3Storage({ ...stub.config("media-test"), endpoint: `http://127.0.0.1:${port}` });
    const started = Date.now();
    const err = await hanging.ping(500).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe("object store bucket not reachable");
    expect((err as Error).message).not.toContain(String(port));
    expect(Date.now() - started).toBeLessThan(5000);
    hanging.client.destroy();
    silent.close();
  });
});

describe("an upload with the bucket as the media store", () => {
  it("stores the original privately and the variant process writes every variant to the bucket", async () => {
    const variantProcess = new VariantProcess({ store: storage.config });
    try {
      const bytes = await jpegWithGps(1000, 600);
      const up = await uploadMedia(t.db, storage, writer, { bytes, fileName: "s3.jpg" });
      const job = await claimMediaJob(t.db);
      expect(job?.id).toBe(up.fileId);
      expect(await runMediaJob(t.db, storage, job!, variantProcess.make)).toBe("READY");
      const variants = await t.db.mediaVariant.findMany({ where: { fileId: up.fileId } });
      expect(variants).toHaveLength(9);
      const stored = await keys();
      expect(stored).toContain(`site-a/${sha256Of(bytes).slice(0, 2)}/${sha256Of(bytes)}`);
      for (const v of variants) {
        expect(stored).toContain(`site-a/${v.sha256.slice(0, 2)}/${v.sha256}`);
        const variantBytes = (await storage.get(v.sha256))!;
        expect(sha256Of(variantBytes)).toBe(v.sha256);
        const meta = await sharp(variantBytes).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.width).toBe(v.width);
      }
    } finally {
      variantProcess.close();
    }
  }, 90_000);
});
