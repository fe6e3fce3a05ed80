// Opens the media store a configuration names: the folder (default) or an S3-compatible bucket. The app's
// processes share one store per process (mediaStorage); the variant process opens the one it is handed.
import { S3Storage } from "./s3-storage";
import { FolderStorage, type MediaStorage } from "./storage";
import { mediaStoreConfig, type MediaStoreConfig } from "./storage-config";

export function openMediaStorage(config: MediaStoreConfig): MediaStorage {
  return config.kind === "s3" ? new S3Storage(config) : new FolderStorage(config.root);
}

let shared: MediaStorage | undefined;

/**
 * The process's storage, from MEDIA_STORE and its settings (storage-config.ts): a folder at MEDIA_DIR (default
 * data/media) unless MEDIA_STORE=s3.
 */
export function mediaStorage(): MediaStorage {
  shared ??= openMediaStorage(mediaStoreConfig());
  return shared;
}
