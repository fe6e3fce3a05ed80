// Publishes due scheduled publications, refreshes their public pages and sends queued mail. Called by the
// scheduler over loopback (lib/processes/publish-scheduler.ts) with the per-process secret; anyone else gets 404.
import { NextResponse } from "next/server";
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { publishDueArticles } from "@/lib/publishing/publish-due";
import { deliverQueuedMail } from "@/lib/notifications/deliver-mail";
import { sendReviewReminders } from "@/lib/assignments/send-review-reminders";
import { refreshArticlePages } from "@/app/_server/after-commit";
import { TICK_HEADER, tickSecret } from "@/lib/processes/publish-scheduler";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  const given = Buffer.from(request.headers.get(TICK_HEADER) ?? "");
  const expected = Buffer.from(tickSecret());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function POST(request: Request) {
  if (!authorised(request))
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "Not found." } }, { status: 404 });
  try {
    const run = await publishDueArticles(db);
    for (const p of run.published) await refreshArticlePages(p.articleId, [p.revisionId, p.previousLiveRevisionId]);
    // Overdue review assignments are reminded on the same tick (once each), before the mail goes out.
    const reminders = await sendReviewReminders(db);
    const mail = await deliverQueuedMail(db);
    return NextResponse.json({ published: run.published.map((p) => p.slug), failed: run.failed, reminders, mail });
  } catch (err) {
    console.error("[publish-due] run failed", err);
    return NextResponse.json(
      { error: { code: "INTERNAL", message: "The due-publication run failed; it will be retried." } },
      { status: 500 },
    );
  }
}
