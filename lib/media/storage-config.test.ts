import { describe, expect, it } from "vitest";
import path from "node:path";
import { mediaDelivery, mediaStoreConfig, signedUrlOrigin } from "./storage-config";

const s3 = { MEDIA_STORE: "s3", MEDIA_S3_BUCKET: "site-media" };

describe("media store settings", () => {
  it("is the folder by default, at MEDIA_DIR or data/media", () => {
    expect(mediaStoreConfig({})).toEqual({ kind: "folder", root: path.resolve("data/media") });
    expect(mediaStoreConfig({ MEDIA_DIR: "/srv/media" })).toEqual({ kind: "folder", root: "/srv/media" });
  });

  it("reads an S3 store: path-style by default with an endpoint, prefix ending in a slash", () => {
    expect(
      mediaStoreConfig({
        ...s3,
        MEDIA_S3_ENDPOINT: "http://minio.internal:9000",
        MEDIA_S3_PREFIX: "/imprimatur",
        MEDIA_S3_ACCESS_KEY_ID: "id",
        MEDIA_S3_SECRET_ACCESS_KEY: "secret",
      }),
    ).toEqual({
      kind: "s3",
      bucket: "site-media",
      prefix: "imprimatur/",
      endpoint: "http://minio.internal:9000",
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
    const aws = mediaStoreConfig({ ...s3, AWS_REGION: "eu-west-1" });
    expect(aws).toMatchObject({ region: "eu-west-1", forcePathStyle: false, prefix: "", credentials: undefined });
    expect(mediaStoreConfig({ ...s3, MEDIA_S3_ENDPOINT: "http://x", MEDIA_S3_FORCE_PATH_STYLE: "0" })).toMatchObject({
      forcePathStyle: false,
    });
  });

  it("names the setting that is missing or wrong", () => {
    expect(() => mediaStoreConfig({ MEDIA_STORE: "s3" })).toThrow("MEDIA_S3_BUCKET");
    expect(() => mediaStoreConfig({ MEDIA_STORE: "ftp" })).toThrow('MEDIA_STORE must be "folder" or "s3"');
    expect(() => mediaStoreConfig({ ...s3, MEDIA_S3_ACCESS_KEY_ID: "id" })).toThrow("MEDIA_S3_SECRET_ACCESS_KEY");
    expect(() => mediaDelivery({ MEDIA_DELIVERY: "cdn" })).toThrow("MEDIA_DELIVERY");
  });

  it("delivers through the app by default; signed URLs last MEDIA_SIGNED_URL_SECONDS within bounds", () => {
    expect(mediaDelivery({})).toEqual({ mode: "app", seconds: 300 });
    expect(mediaDelivery({ MEDIA_DELIVERY: "signed-url", MEDIA_SIGNED_URL_SECONDS: "900" })).toEqual({
      mode: "signed-url",
      seconds: 900,
    });
    expect(mediaDelivery({ MEDIA_SIGNED_URL_SECONDS: "5" }).seconds).toBe(60);
  });

  it("gives the signed URLs' origin only when variants are delivered by redirect", () => {
    const signed = { ...s3, MEDIA_DELIVERY: "signed-url" };
    expect(signedUrlOrigin(s3)).toBeNull();
    expect(signedUrlOrigin({ MEDIA_DELIVERY: "signed-url" })).toBeNull();
    expect(signedUrlOrigin({ ...signed, MEDIA_S3_ENDPOINT: "https://s3.example.org:9000/" })).toBe(
      "https://s3.example.org:9000",
    );
    expect(
      signedUrlOrigin({ ...signed, MEDIA_S3_ENDPOINT: "https://s3.example.org", MEDIA_S3_FORCE_PATH_STYLE: "0" }),
    ).toBe("https://site-media.s3.example.org");
    expect(signedUrlOrigin({ ...signed, MEDIA_S3_REGION: "eu-west-1" })).toBe(
      "https://site-media.s3.eu-west-1.amazonaws.com",
    );
  });
});
