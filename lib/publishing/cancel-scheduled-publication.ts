// An editor takes back a scheduled publication before it fires: the time and revision are cleared and the
// cancellation audited in one transaction (the article stays as it was: approved, or live with its old text).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";

export const cancelScheduledPublicationSchema = z.object({ articleId: z.string().min(1) });
export type CancelScheduledPublicationInput = z.output<typeof cancelScheduledPublicationSchema>;

export async function cancelScheduledPublication(db: Db, actor: Actor, input: CancelScheduledPublicationInput) {
  assertCan(actor, "article.publish", "cancel a scheduled publication");
  const data = input;
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: data.articleId },
      select: { scheduledPublishAt: true, scheduledRevisionId: true },
    });
    if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
    if (!article.scheduledPublishAt) throw new AppError("CONFLICT", "Nothing is scheduled for this article.");
    await tx.article.update({
      where: { id: data.articleId },
      data: { scheduledPublishAt: null, scheduledRevisionId: null, scheduledById: null },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.publish_schedule_cancelled",
      entityType: "Article",
      entityId: data.articleId,
      data: { revisionId: article.scheduledRevisionId, publishAt: article.scheduledPublishAt.toISOString() },
    });
  });
}
