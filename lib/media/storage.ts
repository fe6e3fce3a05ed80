// Where media bytes live. Everything is addressed by the sha256 of its bytes, so a key is never chosen by a
// user (no file names, no paths) and a stored object never changes: the URL of a variant can be cached
// forever. The folder implementation below is the default; an object store can replace it by implementing
// the same four calls.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

export interface MediaStorage {
  /** Stores the bytes (idempotent) and returns their sha256; `created` is false when they were already there. */
  put(bytes: Buffer): Promise<{ sha256: string; created: boolean }>;
  get(sha256: string): Promise<Buffer | null>;
  /** A web stream of the bytes, or null when absent. */
  stream(sha256: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null>;
  exists(sha256: string): Promise<boolean>;
  /** Removes an object; only for undoing a put whose database write failed. */
  remove(sha256: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Objects in `root/<first two hex digits>/<sha256>`; writes go through a temporary file and a rename. */
export class FolderStorage implements MediaStorage {
  constructor(readonly root: string) {}

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

/** Default folder, relative to the working directory like the database file. */
export const DEFAULT_MEDIA_DIR = "data/media";

let shared: MediaStorage | undefined;

/**
 * The process's storage: a folder at MEDIA_DIR (default data/media). Uploaded data, read at run time: the build
 * must not trace it into the app's files (turbopackIgnore).
 */
export function mediaStorage(): MediaStorage {
  shared ??= new FolderStorage(path.resolve(/* turbopackIgnore: true */ process.env.MEDIA_DIR || DEFAULT_MEDIA_DIR));
  return shared;
}
