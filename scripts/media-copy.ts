// npm run media:copy -- [--from <folder>] [--concurrency 4]
// Copies a folder media store (default MEDIA_DIR, else data/media) into the bucket named by the MEDIA_S3_*
// settings (.env or the environment; MEDIA_STORE need not be s3 yet), verifying every object's sha256 on both
// sides (lib/media/copy-folder-to-bucket.ts), with a progress bar. Safe to stop and run again: objects already
// in the bucket are verified and kept. Exits 1 when any object could not be copied and verified, naming each.
// Switch the site over (MEDIA_STORE=s3) after a run that reports no failure; see docs/operations.md.
import { statSync } from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { copyFolderToBucket } from "../lib/media/copy-folder-to-bucket";
import { S3Storage } from "../lib/media/s3-storage";
import { FolderStorage } from "../lib/media/storage";
import { DEFAULT_MEDIA_DIR, mediaStoreConfig, type S3StoreConfig } from "../lib/media/storage-config";
import { loadDotEnv } from "./lib/load-env";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  loadDotEnv();
  const from = path.resolve(option("--from") || process.env.MEDIA_DIR || DEFAULT_MEDIA_DIR);
  if (!statSync(from, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`Not a folder: ${from}`);
    process.exit(2);
  }
  let target: S3StoreConfig;
  try {
    target = mediaStoreConfig({ ...process.env, MEDIA_STORE: "s3" }) as S3StoreConfig;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  }
  const bucket = new S3Storage(target);
  try {
    await bucket.ping(10_000);
  } catch {
    console.error(`The bucket ${target.bucket} does not answer (check MEDIA_S3_ENDPOINT, credentials, the bucket).`);
    process.exit(1);
  }
  console.log(`› Copying ${from} into bucket ${target.bucket}${target.prefix ? ` under ${target.prefix}` : ""}`);
  const bar = new cliProgress.SingleBar(
    { format: "  {bar} {value}/{total} objects | {eta_formatted} left", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const report = await copyFolderToBucket(new FolderStorage(from), bucket, {
    concurrency: Number(option("--concurrency")) || 4,
    onProgress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  if (started) bar.stop();
  bucket.client.destroy();
  console.log(
    `${report.total} objects: ${report.copied} copied, ${report.alreadyThere} already there, ` +
      `${report.replaced} replaced (the bucket's bytes were wrong), ${report.failed.length} failed; ` +
      `every object in the bucket ${report.failed.length ? "except those failed " : ""}hashes to its name.`,
  );
  for (const f of report.failed) console.log(`  ✗ ${f.sha256}: ${f.problem}`);
  process.exit(report.failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
