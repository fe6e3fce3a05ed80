// The studio's picture of a media item (editor, library): a redirect to its smallest WebP variant, which is
// served with immutable caching; while the variants are being made, a small "Processing…" placeholder.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { authedRoute } from "@/app/_server/route";
import { variantUrl } from "@/lib/content/image-snapshot";

type Ctx = { params: Promise<{ id: string }> };

const placeholder = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270" viewBox="0 0 480 270"><rect width="480" height="270" fill="#eef1f4"/><text x="240" y="140" font-family="sans-serif" font-size="20" fill="#334" text-anchor="middle">${text}</text></svg>`;

export const GET = authedRoute<Ctx>("studio.access", "media.preview", async (_request, _actor, { params }) => {
  const { id } = await params;
  const item = await db.mediaItem.findUnique({
    where: { id },
    select: {
      file: {
        select: {
          status: true,
          variants: { where: { format: "webp" }, orderBy: { width: "asc" }, take: 1, select: { sha256: true } },
        },
      },
    },
  });
  const variant = item?.file.status === "READY" ? item.file.variants[0] : undefined;
  // A relative address: request.url names the host Next was started with (e.g. localhost), not the one the page
  // came from (127.0.0.1, the site's name behind a proxy), and the studio's img-src 'self' refuses another origin.
  if (variant)
    return new NextResponse(null, { status: 302, headers: { Location: variantUrl({ ...variant, format: "webp" }) } });
  const text = !item ? "Image not found" : item.file.status === "FAILED" ? "Processing failed" : "Processing…";
  return new NextResponse(placeholder(text), {
    status: item ? 200 : 404,
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});
