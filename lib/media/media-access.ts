// Who may change a media item: its uploader (media.edit.own) or an editor (media.edit.any).
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { assertCan, can, type Actor } from "../auth/policy";

export async function assertCanEditMedia(db: DbTx, actor: Actor, mediaId: string) {
  assertCan(actor, "media.edit.own", "edit images");
  const item = await db.mediaItem.findUnique({ where: { id: mediaId } });
  if (!item || item.deletedAt) throw new AppError("NOT_FOUND", "This image does not exist (or was deleted).");
  if (item.ownerId !== actor.id && !can(actor, "media.edit.any"))
    throw new AppError("FORBIDDEN", "Only the person who uploaded this image, or an editor, can change it.");
  return item;
}
