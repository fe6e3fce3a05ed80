// Queues a notification inside the caller's transaction: the in-app inbox row and the e-mail (OutboxMail)
// commit together with the change they report, or not at all. The e-mail is sent after commit by
// deliverQueuedMail (lib/notifications/deliver-mail.ts), which the post-commit code and the periodic
// tick both call, so a crash between commit and send only delays the mail.
import type { DbTx } from "../db/client";

export const NOTIFICATION_KINDS = [
  "REVIEW_REQUESTED", // submitted for your review
  "REVIEW_ASSIGNED", // an editor (or the auto-assign rule) asked you to review
  "REVIEW_OVERDUE", // your assigned review is past its due date
  "CHANGES_REQUESTED",
  "APPROVED",
  "APPROVAL_VOIDED", // content changed after approval
  "SUBMISSION_WITHDRAWN", // content changed while in review
  "PUBLISHED",
  "UNPUBLISHED",
  "COMMENT", // a review comment or an answer to one
  "CREDENTIAL_VERIFIED",
  "CREDENTIAL_REJECTED",
  "PUBLISH_FAILED", // a scheduled publication could not go out
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** Path inside the site, e.g. /studio/articles/abc/review. */
  link?: string;
}

/** Base URL for links in e-mails; the in-app inbox uses the path as is. */
function siteUrl(): string {
  return (process.env.NEXTAUTH_URL ?? process.env.SITE_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

export async function queueNotification(tx: DbTx, input: NotificationInput): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, status: true } });
  if (!user) return; // the person was removed: nothing to tell
  await tx.notification.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body ?? "",
      link: input.link ?? null,
    },
  });
  if (user.status !== "ACTIVE") return; // no mail to disabled accounts; the inbox row stays for the record
  const text = [input.body ?? "", input.link ? `\n${siteUrl()}${input.link}` : "", "\n\n— Imprimatur"].join("").trim();
  await tx.outboxMail.create({ data: { to: user.email, subject: `[Imprimatur] ${input.title}`, text } });
}

/** Notifies several people at once (deduplicated; the actor is left out: nobody is told what they just did). */
export async function queueNotifications(
  tx: DbTx,
  userIds: Iterable<string>,
  input: Omit<NotificationInput, "userId">,
  exceptUserId?: string | null,
): Promise<void> {
  for (const userId of new Set(userIds)) {
    if (userId === exceptUserId) continue;
    await queueNotification(tx, { ...input, userId });
  }
}
