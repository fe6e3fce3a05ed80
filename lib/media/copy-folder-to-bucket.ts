// media:copy — moves a folder store into a bucket, verifying every object by its hash: the source file must
// hash to its name (a damaged file is reported, never copied), and each object in the bucket is read back and
// hashed after writing. Objects already in the bucket are hashed too and kept when they match (a second run
// resumes where the first stopped, and proves the whole bucket), replaced when they do not. Files stream in and
// out; none is held in memory whole. A few objects move at once (`concurrency`).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { S3Storage } from "./s3-storage";
import type { FolderStorage } from "./storage";

const SHA256 = /^[0-9a-f]{64}$/;

export type CopyOutcome = "copied" | "already-there" | "replaced" | "failed";

export interface CopyReport {
  total: number;
  copied: number;
  alreadyThere: number;
  /** Objects that were in the bucket with other bytes than their name says, and were written again. */
  replaced: number;
  failed: { sha256: string; problem: string }[];
}

/** Every object of a folder store (`root/<2 hex>/<sha256>`), sorted; temporary and foreign files are skipped. */
export async function listFolderObjects(root: string): Promise<string[]> {
  const found: string[] = [];
  const shards = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const shard of shards) {
    if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
    for (const name of await readdir(path.join(root, shard.name))) {
      if (SHA256.test(name) && name.startsWith(shard.name)) found.push(name);
    }
  }
  return found.sort();
}

async function hashOf(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(stream, hash);
  return hash.digest("hex");
}

/** The bucket's copy hashes to its name; false when absent or different. */
async function bucketHolds(bucket: S3Storage, sha256: string): Promise<boolean> {
  const object = await bucket.nodeStream(sha256);
  return object !== null && (await hashOf(object.body)) === sha256;
}

async function copyOne(folder: FolderStorage, bucket: S3Storage, sha256: string): Promise<CopyOutcome> {
  const file = path.join(folder.root, sha256.slice(0, 2), sha256);
  if ((await hashOf(createReadStream(file))) !== sha256)
    throw new Error("the folder's file does not hash to its name (damaged); not copied");
  const present = (await bucket.sizeOf(sha256)) !== null;
  if (present && (await bucketHolds(bucket, sha256))) return "already-there";
  const { size } = await stat(file);
  await bucket.putStream(sha256, createReadStream(file), size);
  if (!(await bucketHolds(bucket, sha256)))
    throw new Error("the bucket's copy does not hash to its name after writing");
  return present ? "replaced" : "copied";
}

export async function copyFolderToBucket(
  folder: FolderStorage,
  bucket: S3Storage,
  options: { concurrency?: number; onProgress?: (done: number, total: number, outcome: CopyOutcome) => void } = {},
): Promise<CopyReport> {
  const objects = await listFolderObjects(folder.root);
  const report: CopyReport = { total: objects.length, copied: 0, alreadyThere: 0, replaced: 0, failed: [] };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < objects.length) {
      const sha256 = objects[next++];
      let outcome: CopyOutcome;
      try {
        outcome = await copyOne(folder, bucket, sha256);
        if (outcome === "copied") report.copied++;
        else if (outcome === "already-there") report.alreadyThere++;
        else report.replaced++;
      } catch (err) {
        outcome = "failed";
        report.failed.push({ sha256, problem: err instanceof Error ? err.message : String(err) });
      }
      options.onProgress?.(++done, objects.length, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  report.failed.sort((a, b) => a.sha256.localeCompare(b.sha256));
  return report;
}
