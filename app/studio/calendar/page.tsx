// Editorial calendar: scheduled publications, review due dates and re-review dates in a month or week grid.
// A real table (days as cells under weekday column headers), links for every event, filters as a GET form
// kept in the URL; works without JavaScript except the reschedule form.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/app/_server/session";
import { CALENDAR_EVENT_LABELS, listCalendarEvents } from "@/lib/calendar/calendar-events";
import { buildGrid, dayKey, neighbours, parseAnchor, viewRange, type CalendarView } from "@/lib/calendar/calendar-grid";
import { ScheduleForm } from "../articles/[id]/publish/schedule-form";
import { scheduleAction } from "../articles/[id]/publish/actions";
import { regenerateFeedAction } from "./actions";
import { FeedForm } from "./feed-form";
import "./calendar.css";
import { TableScroll } from "@/components/studio/table-scroll";

export const metadata: Metadata = { title: "Calendar" };

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const monthTitle = (d: Date) => d.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const dayTitle = (d: Date) =>
  d.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const time = (d: Date) => d.toISOString().slice(11, 16);

type Search = { view?: string; date?: string; person?: string; area?: string };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("studio.access", "/studio/calendar");
  const sp = await searchParams;
  const view: CalendarView = sp.view === "week" ? "week" : "month";
  const now = new Date();
  const anchor = parseAnchor(sp.date, now);
  const seesAll = can(actor, "article.read.any");
  const personId = seesAll ? sp.person || undefined : undefined;
  const areaId = sp.area || undefined;
  const { from, to } = viewRange(view, anchor);
  const [events, areas, people, me] = await Promise.all([
    listCalendarEvents(db, actor, { from, to, personId, areaId }, now),
    db.specialty.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    seesAll
      ? db.user.findMany({
          where: { status: "ACTIVE", roles: { some: { role: { in: ["WRITER", "REVIEWER"] } } } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
          take: 500,
        })
      : Promise.resolve([]),
    db.user.findUnique({ where: { id: actor.id }, select: { calendarTokenHash: true } }),
  ]);
  const weeks = buildGrid(view, anchor, events);
  const { previous, next } = neighbours(view, anchor);
  const query = (overrides: Partial<Search>) => {
    const q = new URLSearchParams();
    const merged = { view, date: dayKey(anchor), person: personId, area: areaId, ...overrides };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    return `/studio/calendar?${q.toString()}`;
  };
  const caption =
    view === "month" ? `${monthTitle(anchor)} (times in UTC)` : `Week of ${dayTitle(weeks[0][0].date)} (times in UTC)`;
  const mayReschedule = can(actor, "article.publish");
  return (
    <>
      <h1>Calendar</h1>
      <form method="get" className="calendar-filters" aria-label="Calendar filters">
        <input type="hidden" name="date" value={dayKey(anchor)} />
        <label>
          View{" "}
          <select name="view" defaultValue={view}>
            <option value="month">Month</option>
            <option value="week">Week</option>
          </select>
        </label>
        {seesAll && (
          <label>
            Person{" "}
            <select name="person" defaultValue={personId ?? ""}>
              <option value="">Everyone</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Clinical area{" "}
          <select name="area" defaultValue={areaId ?? ""}>
            <option value="">All areas</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          Show
        </button>
      </form>
      <nav className="calendar-nav" aria-label="Calendar pages">
        <Link href={query({ date: dayKey(previous) })} rel="prev">
          ← Previous {view}
        </Link>
        <Link href={query({ date: dayKey(now) })}>Today</Link>
        <Link href={query({ date: dayKey(next) })} rel="next">
          Next {view} →
        </Link>
      </nav>
      <p className="calendar-summary" role="status">
        {events.length === 0
          ? "Nothing is scheduled or due in this range."
          : `${events.length} item${events.length === 1 ? "" : "s"} in this range.`}
      </p>
      <TableScroll label="Calendar">
        <table className={`calendar calendar-${view}`} data-testid="calendar">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col" abbr={d}>
                  {d.slice(0, 3)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0].key}>
                {week.map((day) => (
                  <td
                    key={day.key}
                    className={[
                      day.inRange ? "" : "outside",
                      day.key === dayKey(now) ? "today" : "",
                      day.events.length ? "has-events" : "",
                    ]
                      .filter(Boolean)
                      .join(" ")}
                    aria-current={day.key === dayKey(now) ? "date" : undefined}
                  >
                    <h2 className="calendar-day">
                      <time dateTime={day.key}>
                        <span aria-hidden="true">{day.date.getUTCDate()}</span>
                        <span className="visually-hidden">{dayTitle(day.date)}</span>
                      </time>
                    </h2>
                    {day.events.length > 0 && (
                      <ul>
                        {day.events.map((e) => (
                          <li key={e.id} className={`event event-${e.kind}${e.overdue ? " overdue" : ""}`}>
                            <span className="event-kind">
                              {CALENDAR_EVENT_LABELS[e.kind]}
                              {e.overdue && <strong> (overdue)</strong>}
                            </span>{" "}
                            <time dateTime={e.at.toISOString()}>{time(e.at)}</time>{" "}
                            <Link href={`/studio/articles/${e.articleId}`}>{e.title}</Link>
                            {e.reviewerName && <span className="event-meta"> · {e.reviewerName}</span>}
                            {e.area && <span className="event-meta"> · {e.area}</span>}
                            {mayReschedule && e.kind === "publication" && e.revisionId && (
                              <details className="reschedule">
                                <summary>Reschedule</summary>
                                <ScheduleForm
                                  action={scheduleAction}
                                  articleId={e.articleId}
                                  revisionId={e.revisionId}
                                  label={`Reschedule “${e.title}”`}
                                  submitLabel="Reschedule"
                                />
                              </details>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section className="panel" aria-labelledby="feed-heading">
        <h2 id="feed-heading">Calendar feed</h2>
        <p>
          Subscribe to what you see here in any calendar app (iCal). The link is secret: anyone who has it sees your
          calendar. {me?.calendarTokenHash ? "Replacing it stops the old link at once." : ""}
        </p>
        <FeedForm action={regenerateFeedAction} hasFeed={!!me?.calendarTokenHash} />
      </section>
    </>
  );
}
