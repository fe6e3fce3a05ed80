// Media in an object store, across processes: one app process takes an upload with MEDIA_STORE=s3 (a local
// s3rver, never the network), its image worker makes the variants through the bucket, and a second app process
// with nothing on its disk serves them at /media/<sha256>.<ext> with the immutable caching headers. The first
// process is set to MEDIA_DELIVERY=signed-url: it redirects to a short-lived signed URL that serves the same
// bytes, and its pages allow images from the store's origin. Both processes' /readyz check the bucket.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { makeUser } from "../helpers/factory";
import { jpegWithGps } from "../helpers/image-fixtures";
import { startS3Stub, type S3Stub } from "../helpers/s3-stub";
import { deployDatabase, serverTestPort, signInCookie, startAppServer, type AppServer } from "./helpers/app-server";

process.env.AUDIT_HMAC_KEY = "object-store-test-audit-key-0123456789abcdef";
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-object-store-"));
const servers: AppServer[] = [];
let stub: S3Stub | undefined;

afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL");
  await stub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const EXT = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" } as const;
const MIME = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" } as const;

describe("media in an object store, two app processes", () => {
  it("an image uploaded through one process is served by the other, from the bucket", async () => {
    stub = await startS3Stub({ buckets: ["site-media"] });
    const url = await deployDatabase(path.join(dir, "site.db"));
    const db = createDb(url);
    const writer = await makeUser(db, { roles: ["WRITER"], password: "object-store-writer-pw" });

    const store = stub.env("site-media", "imprimatur/");
    const [uploader, reader] = await Promise.all([
      startAppServer({
        port: serverTestPort(4),
        databaseUrl: url,
        env: {
          ...store,
          MEDIA_DIR: path.join(dir, "uploader-disk"),
          MEDIA_DELIVERY: "signed-url",
          COLLAB_DISABLED: "1",
        },
      }),
      // The second process's worker waits far longer than the test: the variants are the first process's work.
      startAppServer({
        port: serverTestPort(5),
        databaseUrl: url,
        env: { ...store, MEDIA_DIR: path.join(dir, "reader-disk"), MEDIA_TICK_SECONDS: "3600", COLLAB_DISABLED: "1" },
      }),
    ]);
    servers.push(uploader, reader);

    for (const app of [uploader, reader]) {
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ checks: { database: "ok", "object store": "ok" } });
    }

    const cookie = await signInCookie(uploader.url, writer.email, writer.password);
    const original = await jpegWithGps(1400, 900);
    const upload = await fetch(`${uploader.url}/api/studio/media`, {
      method: "POST",
      headers: { cookie, "content-type": "image/jpeg", "x-file-name": "ward-round.jpg" },
      body: new Uint8Array(original),
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const { fileId } = (await upload.json()) as { fileId: string };

    // The upload wakes the first process's worker; wait until the row says the variants are stored.
    const deadline = Date.now() + 60_000;
    let status = "PENDING";
    while (status !== "READY" && Date.now() < deadline) {
      status = (await db.mediaFile.findUniqueOrThrow({ where: { id: fileId } })).status;
      if (status === "FAILED") throw new Error("processing failed");
      if (status !== "READY") await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe("READY");
    const variants = await db.mediaVariant.findMany({ where: { fileId } });
    expect(variants).toHaveLength(9);

    for (const v of variants) {
      const name = `${v.sha256}.${EXT[v.format as keyof typeof EXT]}`;
      const served = await fetch(`${reader.url}/media/${name}`, { redirect: "manual" });
      expect(served.status, name).toBe(200);
      expect(served.headers.get("content-type")).toBe(MIME[v.format as keyof typeof MIME]);
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(served.headers.get("etag")).toBe(`"${v.sha256}"`);
      expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(v.sha256);

      const redirect = await fetch(`${uploader.url}/media/${name}`, { redirect: "manual" });
      expect(redirect.status, name).toBe(302);
      const location = redirect.headers.get("location")!;
      expect(location.startsWith(`${stub.endpoint}/site-media/imprimatur/`)).toBe(true);
      expect(location).toContain("X-Amz-Signature=");
      const signed = await fetch(location);
      expect(signed.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(signed.headers.get("content-type")).toBe(MIME[v.format as keyof typeof MIME]);
      expect(sha256(Buffer.from(await signed.arrayBuffer()))).toBe(v.sha256);
    }

    // The original (with its GPS tags) is never served, by either process.
    for (const app of [uploader, reader])
      expect((await fetch(`${app.url}/media/${sha256(original)}.jpg`, { redirect: "manual" })).status).toBe(404);
    // Nothing went to either process's disk.
    expect(existsSync(path.join(dir, "uploader-disk"))).toBe(false);
    expect(existsSync(path.join(dir, "reader-disk"))).toBe(false);
    // Pages of the redirecting process let browsers load images from the store.
    const csp = (await fetch(`${uploader.url}/`)).headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(new RegExp(`img-src [^;]*${stub.endpoint.replace(/[.:/]/g, "\\$&")}`));

    // The bucket gone: both processes say which dependency fails, and nothing more.
    await stub.stop();
    stub = undefined;
    const notReady = await fetch(`${reader.url}/readyz`);
    expect(notReady.status).toBe(503);
    const body = await notReady.text();
    expect(JSON.parse(body)).toMatchObject({ status: "not-ready", failing: ["object store"] });
    expect(body).not.toContain("127.0.0.1");
    await db.$disconnect();
  }, 240_000);
});
