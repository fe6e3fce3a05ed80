// One media item: GET its record and processing status (the editor polls this while variants are made),
// PUT its record (alt text, caption, credit, source, licence, clinical flag, consent), DELETE it.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { authedJsonRoute, authedRoute } from "@/app/_server/route";
import { AppError } from "@/lib/errors";
import { getMediaItem } from "@/lib/media/list-media";
import { UPDATE_MEDIA_INVALID, updateMedia, updateMediaSchema } from "@/lib/media/update-media";
import { deleteMedia } from "@/lib/media/delete-media";

type Ctx = { params: Promise<{ id: string }> };
const NO_STORE = { "Cache-Control": "no-store" };

export const GET = authedRoute<Ctx>("studio.access", "media.get", async (_request, _actor, { params }) => {
  const item = await getMediaItem(db, (await params).id);
  if (!item) throw new AppError("NOT_FOUND", "This image does not exist (or was deleted).");
  return NextResponse.json(item, { headers: NO_STORE });
});

export const PUT = authedJsonRoute(
  {
    permission: "media.edit.own",
    name: "media.update",
    schema: updateMediaSchema,
    maxBytes: 16 * 1024,
    invalidMessage: UPDATE_MEDIA_INVALID,
    fromUrl: async ({ params }: Ctx) => ({ mediaId: (await params).id }),
  },
  async (input, actor) => {
    const result = await updateMedia(db, actor, input);
    return NextResponse.json({ ...result, item: await getMediaItem(db, input.mediaId) }, { headers: NO_STORE });
  },
);

export const DELETE = authedRoute<Ctx>("media.edit.own", "media.delete", async (_request, actor, { params }) => {
  await deleteMedia(db, actor, (await params).id);
  return NextResponse.json({ deleted: true }, { headers: NO_STORE });
});
