// Removing an image from the library. Refused while a live, approved or scheduled revision shows it (readers
// or the next publication need it) or a working draft places it (remove it from the draft first). Otherwise
// the item is marked deleted; its files stay in storage, because older revisions that showed it keep
// serving it from their frozen snapshot.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertCanEditMedia } from "./media-access";
import { mediaUsage } from "./media-usage";

export async function deleteMedia(db: Db, actor: Actor, mediaId: string) {
  return db.$transaction(async (tx) => {
    await assertCanEditMedia(tx, actor, mediaId);
    const uses = (await mediaUsage(tx, [mediaId])).get(mediaId) ?? [];
    const blocking = uses.filter((u) => u.live || u.approved || u.scheduled);
    if (blocking.length) {
      const list = blocking
        .map(
          (u) =>
            `“${u.title}” revision ${u.revisionNumber} (${u.live ? "live" : u.scheduled ? "scheduled" : "approved"})`,
        )
        .join(", ");
      throw new AppError("CONFLICT", `This image cannot be deleted: ${list} shows it.`, {
        details: { uses: blocking },
      });
    }
    const drafts = uses.filter((u) => u.revisionNumber === null);
    if (drafts.length)
      throw new AppError(
        "CONFLICT",
        `This image is placed in the draft of ${drafts.map((u) => `“${u.title}”`).join(", ")}. Remove it there first.`,
        { details: { uses: drafts } },
      );
    await tx.mediaItem.update({ where: { id: mediaId }, data: { deletedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "media.deleted",
      entityType: "MediaItem",
      entityId: mediaId,
      data: { keptForRevisions: uses.length },
    });
  });
}
