// Image upload. POST the file's bytes as the raw request body (not multipart), with its name in the
// X-File-Name header (URL-encoded; shown in the library only). ?replace=<mediaId> puts the new file under an
// existing media item. The body is read as it streams, up to the 20 MB cap; everything is checked before
// anything is stored (lib/media/upload-media.ts). 201 { id, status, width, height }; 4xx JSON otherwise.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { authedRoute } from "@/app/_server/route";
import { MAX_UPLOAD_BYTES } from "@/lib/media/limits";
import { readBodyBytes } from "@/lib/http/read-body";
import { uploadMedia } from "@/lib/media/upload-media";
import { mediaStorage } from "@/lib/media/open-storage";
import { wakeMediaWorker } from "@/lib/media/media-worker";
import { AppError } from "@/lib/errors";

function decodeName(raw: string | null): string {
  if (!raw) return "";
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError("VALIDATION", "The X-File-Name header is not valid URL-encoded text.");
  }
}

export const POST = authedRoute("media.upload", "media.upload", async (request, actor) => {
  const fileName = decodeName(request.headers.get("x-file-name"));
  const replaceMediaId = new URL(request.url).searchParams.get("replace");
  const bytes = Buffer.from(
    await readBodyBytes(
      request,
      MAX_UPLOAD_BYTES,
      `The file is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit.`,
    ),
  );
  const result = await uploadMedia(db, await mediaStorage(), actor, { bytes, fileName, replaceMediaId });
  if (result.status !== "READY") wakeMediaWorker();
  return NextResponse.json(result, { status: result.replaced ? 200 : 201, headers: { "Cache-Control": "no-store" } });
});
