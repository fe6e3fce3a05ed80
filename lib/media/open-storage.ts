// Opens the media store a configuration names: the folder (default) or an S3-compatible bucket. The app's
// processes share one store per process (mediaStorage); the variant process opens the one it is handed. The AWS
// SDK is loaded only for a bucket: it costs a process about 20 MB and half a second to load, which a site on the
// folder store should not pay.
import { FolderStorage, type MediaStorage } from "./storage";
import { mediaStoreConfig, type MediaStoreConfig } from "./storage-config";

export async function openMediaStorage(config: MediaStoreConfig): Promise<MediaStorage> {
  if (config.kind === "folder") return new FolderStorage(config.root);
  const { S3Storage } = await import("./s3-storage");
  return new S3Storage(config);
}

let shared: Promise<MediaStorage> | undefined;

/**
 * The process's storage, from MEDIA_STORE and its settings (storage-config.ts): a folder at MEDIA_DIR (default
 * data/media) unless MEDIA_STORE=s3. Rejects, naming the setting, when the settings are incomplete.
 */
export function mediaStorage(): Promise<MediaStorage> {
  shared ??= Promise.resolve().then(() => openMediaStorage(mediaStoreConfig()));
  return shared;
}
