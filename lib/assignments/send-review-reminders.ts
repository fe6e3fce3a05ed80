// Overdue review assignments: each assignee is reminded once (inbox + e-mail) when the due date passes.
// Run by the periodic tick; the claim (remindedAt set in the same transaction as the notification) makes a
// second process or tick skip what was already reminded.
import type { Db } from "../db/client";
import { queueNotifications } from "../notifications/queue-notification";
import { reviewPath } from "../workflow/links";

export async function sendReviewReminders(db: Db, now = new Date()): Promise<number> {
  const due = await db.reviewAssignment.findMany({
    where: { completedAt: null, remindedAt: null, dueAt: { lt: now }, article: { status: "IN_REVIEW" } },
    select: {
      id: true,
      reviewerId: true,
      articleId: true,
      dueAt: true,
      article: { select: { draft: { select: { title: true } } } },
    },
    take: 200,
  });
  let sent = 0;
  for (const a of due) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.reviewAssignment.updateMany({
        where: { id: a.id, remindedAt: null },
        data: { remindedAt: now },
      });
      if (!claimed.count) return;
      await queueNotifications(
        tx,
        [a.reviewerId],
        {
          kind: "REVIEW_OVERDUE",
          title: `Review overdue: “${a.article.draft?.title ?? "an article"}”`,
          body: `This review was due on ${a.dueAt.toISOString().slice(0, 10)}.`,
          link: reviewPath(a.articleId),
        },
        null,
      );
      sent++;
    });
  }
  return sent;
}
