// RFC 5545 text for a person's calendar feed. Pure: escaping, line folding at 75 octets, CRLF endings.
import type { CalendarEvent } from "./calendar-events";
import { CALENDAR_EVENT_LABELS } from "./calendar-events";

function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Folds a content line to 75 octets per line (continuations start with one space), never splitting a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function renderICalendar(
  events: readonly CalendarEvent[],
  options: { siteUrl: string; calendarName: string; now?: Date },
): string {
  const now = options.now ?? new Date();
  const host = new URL(options.siteUrl).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Imprimatur//Editorial calendar//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const e of events) {
    const link = new URL(`/studio/articles/${e.articleId}`, options.siteUrl).toString();
    const who = e.reviewerName ? ` (${e.reviewerName})` : "";
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.id}@${host}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(e.at)}`,
      `DTEND:${stamp(new Date(e.at.getTime() + 30 * 60_000))}`,
      `SUMMARY:${escapeText(`${CALENDAR_EVENT_LABELS[e.kind]}: ${e.title}${who}`)}`,
      `DESCRIPTION:${escapeText(`${CALENDAR_EVENT_LABELS[e.kind]}${e.area ? ` · ${e.area}` : ""}\n${link}`)}`,
      `URL:${link}`,
      ...(e.area ? [`CATEGORIES:${escapeText(e.area)}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
