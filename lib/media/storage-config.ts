// Which media store a process uses and how readers get variants, read from the environment once. Plain data
// (no SDK): the variant process is handed the same description as JSON, and the security headers read the
// signed URLs' origin from here. Settings: docs/configuration.md; a two-machine layout: docs/operations.md.
import path from "node:path";

/** Default folder, relative to the working directory like the database file. */
export const DEFAULT_MEDIA_DIR = "data/media";

export interface FolderStoreConfig {
  kind: "folder";
  root: string;
}

export interface S3StoreConfig {
  kind: "s3";
  bucket: string;
  /** Key prefix, "" or ending in "/". */
  prefix: string;
  /** A self-hosted store's address (MinIO, Ceph, Garage…); AWS's own when absent. */
  endpoint?: string;
  region: string;
  /** bucket in the path (http://host/bucket/key), which self-hosted stores need; default on with an endpoint. */
  forcePathStyle: boolean;
  /** Absent: the SDK's own chain (AWS_ACCESS_KEY_ID…, a profile, an instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export type MediaStoreConfig = FolderStoreConfig | S3StoreConfig;

/** How /media/<sha256>.<ext> answers: the bytes through the app, or a redirect to a short-lived signed URL. */
export interface MediaDelivery {
  mode: "app" | "signed-url";
  /** How long a signed URL is valid. */
  seconds: number;
}

type Env = Record<string, string | undefined>;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return !["0", "false", "no", "off"].includes(value.trim().toLowerCase());
}

/** The store named by MEDIA_STORE (folder by default); throws with the missing setting's name when incomplete. */
export function mediaStoreConfig(env: Env = process.env): MediaStoreConfig {
  const kind = (env.MEDIA_STORE || "folder").trim().toLowerCase();
  if (kind === "folder")
    return { kind: "folder", root: path.resolve(/* turbopackIgnore: true */ env.MEDIA_DIR || DEFAULT_MEDIA_DIR) };
  if (kind !== "s3") throw new Error(`MEDIA_STORE must be "folder" or "s3", not "${env.MEDIA_STORE}".`);
  const bucket = env.MEDIA_S3_BUCKET?.trim();
  if (!bucket) throw new Error("MEDIA_STORE=s3 needs MEDIA_S3_BUCKET.");
  const endpoint = env.MEDIA_S3_ENDPOINT?.trim() || undefined;
  const accessKeyId = env.MEDIA_S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.MEDIA_S3_SECRET_ACCESS_KEY?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new Error("MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together (or leave both unset).");
  const rawPrefix = (env.MEDIA_S3_PREFIX ?? "").trim().replace(/^\/+/, "");
  return {
    kind: "s3",
    bucket,
    prefix: rawPrefix && !rawPrefix.endsWith("/") ? `${rawPrefix}/` : rawPrefix,
    endpoint,
    region: env.MEDIA_S3_REGION?.trim() || env.AWS_REGION?.trim() || "us-east-1",
    forcePathStyle: flag(env.MEDIA_S3_FORCE_PATH_STYLE, Boolean(endpoint)),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

/** MEDIA_DELIVERY (app by default; signed-url only with an object store) and MEDIA_SIGNED_URL_SECONDS (300). */
export function mediaDelivery(env: Env = process.env): MediaDelivery {
  const mode = (env.MEDIA_DELIVERY || "app").trim().toLowerCase();
  if (mode !== "app" && mode !== "signed-url")
    throw new Error(`MEDIA_DELIVERY must be "app" or "signed-url", not "${env.MEDIA_DELIVERY}".`);
  const seconds = Math.round(Number(env.MEDIA_SIGNED_URL_SECONDS) || 300);
  return { mode, seconds: Math.min(7 * 24 * 3600, Math.max(60, seconds)) };
}

/**
 * The origin signed URLs point at, which the pages' Content-Security-Policy must allow images from; null
 * unless variants are delivered by redirect from an object store (or the settings are incomplete).
 */
export function signedUrlOrigin(env: Env = process.env): string | null {
  try {
    const store = mediaStoreConfig(env);
    if (store.kind !== "s3" || mediaDelivery(env).mode !== "signed-url") return null;
    if (!store.endpoint) return `https://${store.bucket}.s3.${store.region}.amazonaws.com`;
    const url = new URL(store.endpoint);
    return store.forcePathStyle ? url.origin : `${url.protocol}//${store.bucket}.${url.host}`;
  } catch {
    return null;
  }
}
