// Accepting an image: every check runs on the bytes in memory before anything is written, so a refused upload
// leaves no file and no row. Then the original goes to storage (by content hash, private: it may carry
// EXIF/GPS), and one transaction writes the file row (which is also its processing job), the media item and
// the audit event. A worker makes the variants afterwards (make-variants.ts).
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { detectImageType, REFUSAL_MESSAGES } from "./detect-type";
import { fileNameProblem } from "./file-name";
import { inspectImage } from "./inspect-image";
import { MAX_UPLOAD_BYTES } from "./limits";
import type { MediaStorage } from "./storage";
import { sha256Of } from "./storage";
import { assertCanEditMedia } from "./media-access";
import { propagateMediaChange } from "./propagate-media-change";

export interface UploadMediaInput {
  bytes: Buffer;
  fileName: string;
  /** Replace the file of this existing media item instead of creating a new one. */
  replaceMediaId?: string | null;
}

export interface UploadMediaResult {
  id: string;
  fileId: string;
  status: string;
  width: number;
  height: number;
  replaced: boolean;
}

export async function uploadMedia(
  db: Db,
  storage: MediaStorage,
  actor: Actor,
  input: UploadMediaInput,
): Promise<UploadMediaResult> {
  assertCan(actor, "media.upload", "upload images");
  const nameProblem = fileNameProblem(input.fileName);
  if (nameProblem) throw new AppError("VALIDATION", nameProblem, { fieldErrors: { file: [nameProblem] } });
  if (input.bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit.`);
  const detected = detectImageType(input.bytes);
  if (!detected.ok) {
    const message = REFUSAL_MESSAGES[detected.kind];
    throw new AppError(detected.kind === "empty" ? "VALIDATION" : "UNSUPPORTED_MEDIA_TYPE", message, {
      fieldErrors: { file: [message] },
      details: { detected: detected.kind },
    });
  }
  const facts = await inspectImage(input.bytes);
  if (input.replaceMediaId) await assertCanEditMedia(db, actor, input.replaceMediaId);

  const sha256 = sha256Of(input.bytes);
  const { created } = await storage.put(input.bytes);
  try {
    return await db.$transaction(async (tx) => {
      let file = await tx.mediaFile.findUnique({ where: { sha256 } });
      if (!file) {
        file = await tx.mediaFile.create({
          data: { sha256, mimeType: detected.mimeType, bytes: input.bytes.length, ...facts },
        });
      } else if (file.status === "FAILED") {
        // The same bytes again: give processing another chance (a failure may have been a crash).
        file = await tx.mediaFile.update({
          where: { id: file.id },
          data: { status: "PENDING", attempts: 0, claimedAt: null, error: null },
        });
      }
      const originalName = input.fileName.trim().slice(0, 200);
      if (input.replaceMediaId) {
        const before = await tx.mediaItem.findUniqueOrThrow({ where: { id: input.replaceMediaId } });
        await tx.mediaItem.update({ where: { id: before.id }, data: { fileId: file.id, originalName } });
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: "media.file_replaced",
          entityType: "MediaItem",
          entityId: before.id,
          data: { fromFileId: before.fileId, toFileId: file.id, sha256, fileName: originalName },
        });
        if (before.fileId !== file.id) await propagateMediaChange(tx, before.id, actor.id);
        return { id: before.id, fileId: file.id, status: file.status, ...facts, replaced: true };
      }
      const item = await tx.mediaItem.create({ data: { fileId: file.id, ownerId: actor.id, originalName } });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "media.uploaded",
        entityType: "MediaItem",
        entityId: item.id,
        data: { fileId: file.id, sha256, mimeType: detected.mimeType, bytes: input.bytes.length, ...facts },
      });
      return { id: item.id, fileId: file.id, status: file.status, ...facts, replaced: false };
    });
  } catch (err) {
    // Keep storage and database in step: bytes this call added go again when their row was not written.
    if (created) {
      const row = await db.mediaFile.findUnique({ where: { sha256 }, select: { id: true } }).catch(() => null);
      if (!row) await storage.remove(sha256);
    }
    throw err;
  }
}
