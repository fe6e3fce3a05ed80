// Readers' image files: /media/<sha256>.<ext>, the content hash of the variant itself, so a URL always means
// the same bytes and can be cached for a year as immutable. Only processed variants are served (never an
// uploaded original, which may carry EXIF/GPS). Files stay as long as any revision refers to them, so a
// published page keeps its images when the library item is replaced or deleted. With an object store and
// MEDIA_DELIVERY=signed-url the answer is a redirect to a short-lived signed URL of the bucket, which the store
// answers with the same Content-Type and Cache-Control (the bucket itself stays private).
import { db } from "@/lib/db/client";
import { formatFromExt, VARIANT_MIME } from "@/lib/media/limits";
import { mediaStorage } from "@/lib/media/open-storage";
import { mediaDelivery } from "@/lib/media/storage-config";

const NAME = /^([0-9a-f]{64})\.(avif|webp|jpg|png)$/;
const IMMUTABLE = "public, max-age=31536000, immutable";

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = NAME.exec((await params).file);
  if (!match) return notFound();
  const [, sha256, ext] = match;
  const format = formatFromExt(ext);
  const variant = await db.mediaVariant.findUnique({ where: { sha256 }, select: { format: true } });
  if (!format || !variant || variant.format !== format) return notFound();
  const etag = `"${sha256}"`;
  const headers = {
    "Content-Type": VARIANT_MIME[format],
    "Cache-Control": IMMUTABLE,
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const storage = await mediaStorage();
  const delivery = mediaDelivery();
  if (delivery.mode === "signed-url" && storage.signedUrl) {
    const now = new Date();
    const signed = await storage.signedUrl(sha256, {
      contentType: VARIANT_MIME[format],
      cacheControl: IMMUTABLE,
      seconds: delivery.seconds,
      now,
    });
    // The redirect may be reused while its URL stays valid (with a minute to spare for slow clients).
    const maxAge = Math.max(0, Math.floor((signed.validUntil.getTime() - now.getTime()) / 1000) - 60);
    return new Response(null, {
      status: 302,
      headers: { Location: signed.url, "Cache-Control": `public, max-age=${maxAge}` },
    });
  }
  const stored = await storage.stream(sha256);
  if (!stored) return notFound();
  return new Response(stored.body, { headers: { ...headers, "Content-Length": String(stored.size) } });
}
