// Side effects that run after a review/publishing transaction has committed: send the queued e-mails. Never
// inside a transaction, never able to turn a committed change into a reported failure. (Readers' pages are
// expired by the action and route wrappers: expire-reader-change.ts.)
import { db } from "@/lib/db/client";
import { deliverQueuedMail } from "@/lib/notifications/deliver-mail";

/** Sends queued mail without holding up the response. */
export function sendQueuedMail() {
  deliverQueuedMail(db).catch((err) => console.error("[review] mail delivery failed", err));
}
