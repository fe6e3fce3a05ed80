// Where media bytes live. Everything is addressed by the sha256 of its bytes, so a key is never chosen by a
// user (no file names, no paths) and a stored object never changes: the URL of a variant can be cached
// forever. The folder implementation below is the default; an S3-compatible object store (s3-storage.ts)
// implements the same calls; open-storage.ts picks one from the settings (storage-config.ts).
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { FolderStoreConfig, MediaStoreConfig } from "./storage-config";

export interface MediaStorage {
  /** Stores the bytes (idempotent) and returns their sha256; `created` is false when they were already there. */
  put(bytes: Buffer): Promise<{ sha256: string; created: boolean }>;
  get(sha256: string): Promise<Buffer | null>;
  /** A web stream of the bytes, or null when absent. */
  stream(sha256: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null>;
  exists(sha256: string): Promise<boolean>;
  /** Removes an object; only for undoing a put whose database write failed. */
  remove(sha256: string): Promise<void>;
  /** What another process (the variant process) opens the same store with. */
  readonly config: MediaStoreConfig;
  /**
   * A short-lived URL a browser can fetch the bytes from directly, served with these headers; absent for a
   * store that can only serve through the app (the folder).
   */
  signedUrl?(
    sha256: string,
    options: { contentType: string; cacheControl: string; seconds: number; now?: Date },
  ): Promise<{ url: string; validUntil: Date }>;
  /**
   * For /readyz: resolves when a remote store answers, rejects (without connection details) when it does not
   * within `timeoutMs`. Absent for the folder, which has no connection to lose.
   */
  ping?(timeoutMs: number): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Objects in `root/<first two hex digits>/<sha256>`; writes go through a temporary file and a rename. */
export class FolderStorage implements MediaStorage {
  readonly config: FolderStoreConfig;

  constructor(readonly root: string) {
    this.config = { kind: "folder", root };
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error("Media storage keys are sha256 hex digests.");
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Buffer) {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) return { sha256, created: false };
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temp, bytes, { mode: 0o644 });
    await rename(temp, target);
    return { sha256, created: true };
  }

  async get(sha256: string) {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async stream(sha256: string) {
    const file = this.pathOf(sha256);
    try {
      const info = await stat(file);
      return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size: info.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async exists(sha256: string) {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async remove(sha256: string) {
    await unlink(this.pathOf(sha256)).catch(() => undefined);
  }
}
