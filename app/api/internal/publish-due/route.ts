// Publishes due scheduled publications and sends queued mail; internalRoute expires the published articles'
// public pages. Called by the scheduler over loopback (lib/processes/publish-scheduler.ts) with the per-process
// secret; anyone else gets 404.
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { publishDueArticles } from "@/lib/publishing/publish-due";
import { deliverQueuedMail } from "@/lib/notifications/deliver-mail";
import { sendReviewReminders } from "@/lib/assignments/send-review-reminders";
import { applyOverduePolicy } from "@/lib/publishing/apply-overdue-policy";
import { mergeReaderChanges } from "@/lib/public/reader-change";
import { internalRoute } from "@/app/_server/route";
import { TICK_HEADER, tickSecret } from "@/lib/processes/publish-scheduler";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  const given = Buffer.from(request.headers.get(TICK_HEADER) ?? "");
  const expected = Buffer.from(tickSecret());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const POST = internalRoute(
  { name: "publish-due", authorised, failureMessage: "The due-publication run failed; it will be retried." },
  async () => {
    const run = await publishDueArticles(db);
    // Pages past their re-review date get the admin's overdue action (notice, noindex, withdrawal), or lose it.
    const overdue = await applyOverduePolicy(db);
    // Overdue review assignments are reminded on the same tick (once each), before the mail goes out.
    const reminders = await sendReviewReminders(db);
    const mail = await deliverQueuedMail(db);
    return {
      published: run.published.map((p) => p.slug),
      failed: run.failed,
      reminders,
      mail,
      overdue: overdue.transitions,
      readerChange: mergeReaderChanges([run.readerChange, overdue.readerChange]),
    };
  },
);
