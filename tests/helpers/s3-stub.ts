// A local S3-compatible server (s3rver, an npm package) for tests and benches, keeping its objects in a temporary
// folder. Never the network. It knows only its own key pair and checks signed URLs' expiry, but not SigV4
// signatures themselves, nor bucket privacy (it serves unsigned reads). Each stub has its own folder and an
// ephemeral port unless one is asked for; stop() also closes the SDK's kept-alive connections.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3StoreConfig } from "../../lib/media/storage-config";

export interface S3Stub {
  endpoint: string;
  /** A store configuration for `bucket` on this stub (MediaStorage.config of an S3Storage). */
  config(bucket: string, prefix?: string): S3StoreConfig;
  /** The same as MEDIA_* environment variables, for an app process. */
  env(bucket: string, prefix?: string): Record<string, string>;
  stop(): Promise<void>;
}

/** s3rver's fixed key pair (it accepts only this one). */
const KEY = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Stub(options: { buckets: string[]; port?: number }): Promise<S3Stub> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "imprimatur-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const config = (bucket: string, prefix = ""): S3StoreConfig => ({
    kind: "s3",
    bucket,
    prefix,
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: KEY,
  });
  return {
    endpoint,
    config,
    env: (bucket, prefix = "") => ({
      MEDIA_STORE: "s3",
      MEDIA_S3_BUCKET: bucket,
      MEDIA_S3_PREFIX: prefix,
      MEDIA_S3_ENDPOINT: endpoint,
      MEDIA_S3_REGION: "us-east-1",
      MEDIA_S3_ACCESS_KEY_ID: KEY.accessKeyId,
      MEDIA_S3_SECRET_ACCESS_KEY: KEY.secretAccessKey,
    }),
    async stop() {
      server.httpServer?.closeAllConnections();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
