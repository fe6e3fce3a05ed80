// A person's calendar feed (iCal). The secret in the URL is the credential (calendar apps cannot sign in);
// it shows what that person may see in the studio calendar, from a month ago to a year ahead.
import { db } from "@/lib/db/client";
import { listCalendarEvents } from "@/lib/calendar/calendar-events";
import { userByCalendarToken } from "@/lib/calendar/calendar-token";
import { renderICalendar } from "@/lib/calendar/ical";
import { siteUrl, SITE_NAME } from "@/lib/public/site";

const DAY = 86400_000;

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await userByCalendarToken(db, token.replace(/\.ics$/, ""));
  if (!actor)
    return new Response("This calendar feed does not exist or was replaced by a new link.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const now = new Date();
  const events = await listCalendarEvents(
    db,
    actor,
    { from: new Date(now.getTime() - 31 * DAY), to: new Date(now.getTime() + 366 * DAY) },
    now,
  );
  const body = renderICalendar(events, { siteUrl: siteUrl(), calendarName: `${SITE_NAME} editorial calendar` });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
