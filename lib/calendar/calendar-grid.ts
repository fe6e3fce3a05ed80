// Month and week grids in UTC (the studio shows every time in UTC), pure: which days a view shows, where
// the previous and next views start, and the events of each day.
import type { CalendarEvent } from "./calendar-events";

export type CalendarView = "month" | "week";

export interface CalendarDay {
  /** YYYY-MM-DD */
  key: string;
  date: Date;
  inRange: boolean;
  events: CalendarEvent[];
}

const DAY = 86400_000;

export const dayKey = (d: Date) => d.toISOString().slice(0, 10);

/** Parses "YYYY-MM-DD" (or "YYYY-MM") as a UTC date; anything else gives `fallback`. */
export function parseAnchor(value: string | undefined, fallback: Date): Date {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value ?? "");
  if (!m) return startOfDay(fallback);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2200 ? startOfDay(fallback) : d;
}

export function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Monday of the week containing d (ISO weeks). */
export function startOfWeek(d: Date): Date {
  const day = startOfDay(d);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

/** The first and last (exclusive) day a view shows, and the range its events are counted in. */
export function viewRange(view: CalendarView, anchor: Date) {
  if (view === "week") {
    const from = startOfWeek(anchor);
    return {
      from,
      to: new Date(from.getTime() + 7 * DAY),
      rangeFrom: from,
      rangeTo: new Date(from.getTime() + 7 * DAY),
    };
  }
  const monthStart = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
  const monthEnd = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1, 1));
  const from = startOfWeek(monthStart);
  const lastWeekStart = startOfWeek(new Date(monthEnd.getTime() - DAY));
  return { from, to: new Date(lastWeekStart.getTime() + 7 * DAY), rangeFrom: monthStart, rangeTo: monthEnd };
}

export function neighbours(view: CalendarView, anchor: Date) {
  if (view === "week") {
    const start = startOfWeek(anchor);
    return { previous: new Date(start.getTime() - 7 * DAY), next: new Date(start.getTime() + 7 * DAY) };
  }
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth();
  return { previous: new Date(Date.UTC(y, m - 1, 1)), next: new Date(Date.UTC(y, m + 1, 1)) };
}

/** Weeks of days (Monday first) with each day's events, for the view's whole grid. */
export function buildGrid(view: CalendarView, anchor: Date, events: readonly CalendarEvent[]): CalendarDay[][] {
  const { from, to, rangeFrom, rangeTo } = viewRange(view, anchor);
  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of events) {
    const key = dayKey(e.at);
    const list = byDay.get(key);
    if (list) list.push(e);
    else byDay.set(key, [e]);
  }
  const weeks: CalendarDay[][] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 7 * DAY) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const date = new Date(t + i * DAY);
      const key = dayKey(date);
      week.push({ key, date, inRange: date >= rangeFrom && date < rangeTo, events: byDay.get(key) ?? [] });
    }
    weeks.push(week);
  }
  return weeks;
}
