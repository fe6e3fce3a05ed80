// Scheduling stores the time on the article; publish-due.ts publishes it when the time comes (timer,
// server start, studio requests: see instrumentation.ts). The gate must pass when scheduling and is
// checked again when it fires. Cancelling: cancel-scheduled-publication.ts.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertTransition, TRANSITIONS } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";

export const schedulePublicationSchema = z.object({
  articleId: z.string().min(1),
  revisionId: z.string().min(1, "The revision is missing; reload the page."),
  // ISO date-time with an offset or Z (the form converts the editor's local time before sending).
  publishAt: z
    .string({ error: "Choose the date and time to publish." })
    .min(1, "Choose the date and time to publish.")
    .transform((s) => new Date(s))
    .refine((d) => !Number.isNaN(d.getTime()), "Enter a valid date and time.")
    .refine((d) => d.getTime() > Date.now() + 5_000, "Choose a time in the future (or use Publish now).")
    .refine((d) => d.getTime() < Date.now() + 2 * 365 * 86400_000, "Choose a time within the next two years."),
});
export type SchedulePublicationInput = z.output<typeof schedulePublicationSchema>;

export async function schedulePublication(db: Db, actor: Actor, input: SchedulePublicationInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { ctx, article } = await loadTransitionContext(tx, data.articleId, actor, { gate: true });
    assertTransition("schedule", actor, ctx);
    if (article.currentRevisionId !== data.revisionId)
      throw new AppError("CONFLICT", "A newer revision exists; check its gate before scheduling.");
    await tx.article.update({
      where: { id: article.id },
      data: { scheduledPublishAt: data.publishAt, scheduledRevisionId: data.revisionId, scheduledById: actor.id },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.schedule.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: { revisionId: data.revisionId, publishAt: data.publishAt.toISOString() },
    });
    return { articleId: article.id, publishAt: data.publishAt };
  });
}
