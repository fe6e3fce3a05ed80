// Media bytes in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage…), so every machine of a site reads and
// writes the same objects. Keys mirror the folder store: `<prefix><first two hex digits>/<sha256>`, which lets
// media:copy move a folder into a bucket one file per object. Objects are written without any ACL: the bucket
// stays private (originals may carry EXIF/GPS) and readers get variants through the app or a signed URL.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type GetObjectCommandOutput,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Readable } from "node:stream";
import { sha256Of, type MediaStorage } from "./storage";
import type { S3StoreConfig } from "./storage-config";

const SHA256 = /^[0-9a-f]{64}$/;

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

export function s3Client(config: S3StoreConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Checksums only where the API requires them: the SDK's default (a CRC32 trailer in aws-chunked bodies) is
    // not understood by several self-hosted stores, which then store the chunk framing as the object's bytes
    // (seen with s3rver). Every object is addressed by its sha256 anyway, and media:copy re-hashes what it reads.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // A store that stops answering fails the request instead of hanging an upload or a reader's image.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 30_000 },
  });
}

export class S3Storage implements MediaStorage {
  readonly client: S3Client;

  constructor(readonly config: S3StoreConfig) {
    this.client = s3Client(config);
  }

  /** The object key of a stored sha256. */
  keyOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error("Media storage keys are sha256 hex digests.");
    return `${this.config.prefix}${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(bytes: Buffer) {
    const sha256 = sha256Of(bytes);
    if (await this.exists(sha256)) return { sha256, created: false };
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.keyOf(sha256),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: "application/octet-stream",
      }),
    );
    return { sha256, created: true };
  }

  /** Writes an object from a stream of known size (media:copy: a file is never read into memory whole). */
  async putStream(sha256: string, body: Readable, size: number): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.keyOf(sha256),
        Body: body,
        ContentLength: size,
        ContentType: "application/octet-stream",
      }),
    );
  }

  private async getObject(sha256: string): Promise<GetObjectCommandOutput | null> {
    try {
      return await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async get(sha256: string) {
    const object = await this.getObject(sha256);
    if (!object?.Body) return null;
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async stream(sha256: string) {
    const object = await this.getObject(sha256);
    if (!object?.Body) return null;
    return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: object.ContentLength ?? 0 };
  }

  /** The object as a Node stream (media:copy hashes it as it arrives), or null when absent. */
  async nodeStream(sha256: string): Promise<{ body: Readable; size: number } | null> {
    const object = await this.getObject(sha256);
    if (!object?.Body) return null;
    return { body: object.Body as Readable, size: object.ContentLength ?? 0 };
  }

  /** The stored object's size, or null when absent. */
  async sizeOf(sha256: string): Promise<number | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }),
      );
      return head.ContentLength ?? 0;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async exists(sha256: string) {
    return (await this.sizeOf(sha256)) !== null;
  }

  async remove(sha256: string) {
    await this.client
      .send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.keyOf(sha256) }))
      .catch(() => undefined);
  }

  /**
   * Signed for a fixed window: every request within the same half of the validity gets the same URL (signed at
   * the window's start), so browsers and CDNs can reuse what they fetched; a URL handed out is valid for at least
   * half of `seconds`. The store answers it with the given Content-Type and Cache-Control.
   */
  async signedUrl(
    sha256: string,
    options: { contentType: string; cacheControl: string; seconds: number; now?: Date },
  ): Promise<{ url: string; validUntil: Date }> {
    const halfMs = Math.floor(options.seconds / 2) * 1000;
    const now = (options.now ?? new Date()).getTime();
    const signingDate = new Date(Math.floor(now / halfMs) * halfMs);
    const command = new GetObjectCommand({
      Bucket: this.config.bucket,
      Key: this.keyOf(sha256),
      ResponseContentType: options.contentType,
      ResponseCacheControl: options.cacheControl,
    });
    const url = await getSignedUrl(this.client, command, { expiresIn: options.seconds, signingDate });
    return { url, validUntil: new Date(signingDate.getTime() + options.seconds * 1000) };
  }

  /** HEAD on the bucket, given up after `timeoutMs`; the error says only that the bucket did not answer. */
  async ping(timeoutMs: number) {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      await Promise.race([
        this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }), { abortSignal: signal }),
        new Promise((_, reject) =>
          signal.addEventListener("abort", () => reject(new Error("timed out")), { once: true }),
        ),
      ]);
    } catch (err) {
      throw new Error("object store bucket not reachable", { cause: err });
    }
  }
}
