// Queues one e-mail in the outbox inside the caller's transaction, for mail that is not an inbox notification
// (password reset and invitation links go to people who are not signed in, and must not sit in an inbox).
// Sent after commit by deliverQueuedMail, like every other message.
import type { DbTx } from "../db/client";

/** Absolute URL of a path on this site, for links in e-mails and printed by scripts. */
export function siteUrl(path = ""): string {
  const base = (process.env.NEXTAUTH_URL ?? process.env.SITE_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${base}${path}`;
}

export async function queueMail(tx: DbTx, mail: { to: string; subject: string; text: string }): Promise<void> {
  await tx.outboxMail.create({
    data: { to: mail.to, subject: `[Imprimatur] ${mail.subject}`, text: `${mail.text.trim()}\n\n— Imprimatur` },
  });
}
