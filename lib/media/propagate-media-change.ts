// An image's alt text, caption, credit, licence and bytes are part of every article that shows it (the
// revision hash covers them, see image-snapshot.ts). So changing them is an edit of each working draft that
// places the image: the person who changed it becomes one of the draft's editors (they may not approve it),
// and a submission or approval of that draft is withdrawn or voided exactly as a text edit would.
// Runs inside the transaction of the media change.
import type { DbTx } from "../db/client";
import { voidApprovalOnEdit } from "../workflow/void-approval";
import { withEditor } from "../drafts/with-editor";

/** The marker a stored body contains when it places this media item (bodies are written by JSON.stringify). */
export function mediaReference(mediaId: string): string {
  return `"mediaId":${JSON.stringify(mediaId)}`;
}

export async function draftsUsingMedia(db: DbTx, mediaId: string) {
  return db.workingDraft.findMany({
    where: { bodyJson: { contains: mediaReference(mediaId) } },
    select: { articleId: true, editorIds: true, title: true, article: { select: { status: true } } },
  });
}

export async function propagateMediaChange(tx: DbTx, mediaId: string, actorId: string): Promise<string[]> {
  const drafts = await draftsUsingMedia(tx, mediaId);
  const voided: string[] = [];
  for (const d of drafts) {
    await tx.workingDraft.update({
      where: { articleId: d.articleId },
      data: { editorIds: withEditor(d.editorIds, actorId), lastEditorId: actorId },
    });
    if (d.article.status === "APPROVED" || d.article.status === "IN_REVIEW") {
      const result = await voidApprovalOnEdit(tx, { articleId: d.articleId, actorId });
      if (result.voided) voided.push(d.articleId);
    }
  }
  return voided;
}
