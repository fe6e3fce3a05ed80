import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import type { Actor } from "../auth/policy";
import { buildGrid, neighbours, parseAnchor, viewRange } from "./calendar-grid";
import { foldLine, renderICalendar } from "./ical";
import { listCalendarEvents, type CalendarEvent } from "./calendar-events";
import { regenerateCalendarToken, userByCalendarToken } from "./calendar-token";

const t = createTestDb();
afterAll(() => t.cleanup());
const actor = (u: { id: string; name: string; email: string }, roles: string[]): Actor => ({
  ...u,
  status: "ACTIVE",
  roles,
});

describe("calendar grid", () => {
  it("a month view covers whole ISO weeks around the month and moves month by month", () => {
    const anchor = parseAnchor("2026-02-10", new Date());
    const { from, to, rangeFrom, rangeTo } = viewRange("month", anchor);
    expect(from.toISOString().slice(0, 10)).toBe("2026-01-26"); // Monday before 1 Feb
    expect(to.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect([rangeFrom, rangeTo].map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-02-01", "2026-03-01"]);
    const { previous, next } = neighbours("month", anchor);
    expect([previous, next].map((d) => d.toISOString().slice(0, 7))).toEqual(["2026-01", "2026-03"]);
    const event = { id: "x", kind: "publication", at: new Date("2026-02-14T09:30:00Z") } as CalendarEvent;
    const weeks = buildGrid("month", anchor, [event]);
    expect(weeks).toHaveLength(5);
    const day = weeks.flat().find((d) => d.key === "2026-02-14")!;
    expect(day.events).toEqual([event]);
    expect(weeks[0][0].inRange).toBe(false);
  });

  it("a week view starts on Monday; a malformed date falls back to today", () => {
    const weeks = buildGrid("week", parseAnchor("2026-12-03", new Date()), []);
    expect(weeks).toHaveLength(1);
    expect(weeks[0][0].key).toBe("2026-11-30");
    const fallback = new Date("2026-05-05T12:00:00Z");
    expect(parseAnchor("'; drop table", fallback).toISOString()).toBe("2026-05-05T00:00:00.000Z");
  });
});

describe("iCal feed", () => {
  it("escapes text, folds long lines at 75 octets and ends lines with CRLF", () => {
    const ics = renderICalendar(
      [
        {
          id: "publication-a1",
          kind: "publication",
          at: new Date("2026-12-01T08:00:00Z"),
          articleId: "a1",
          title: "Calcinosis cutis; causes, symptoms and a very long title that goes on and on and on",
          area: "Dermatology",
          overdue: false,
        },
      ],
      { siteUrl: "https://health.example", calendarName: "Calendar", now: new Date("2026-11-30T00:00:00Z") },
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("DTSTART:20261201T080000Z");
    expect(ics).toContain("UID:publication-a1@health.example");
    expect(ics).toContain("Calcinosis cutis\\; causes\\, symptoms");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(foldLine("é".repeat(80)).split("\r\n ")[0]).toBe("é".repeat(37));
  });

  it("a feed token finds its owner until it is regenerated; only its hash is stored", async () => {
    const u = await makeUser(t.db, { roles: ["EDITOR"], name: "Ed Feed" });
    const a = actor(u, ["EDITOR"]);
    const token = await regenerateCalendarToken(t.db, a);
    expect((await userByCalendarToken(t.db, token))?.id).toBe(u.id);
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(stored.calendarTokenHash).not.toContain(token);
    const replaced = await regenerateCalendarToken(t.db, a);
    expect(await userByCalendarToken(t.db, token)).toBeNull();
    expect((await userByCalendarToken(t.db, replaced))?.id).toBe(u.id);
    expect(await userByCalendarToken(t.db, "short")).toBeNull();
  });
});

describe("calendar events", () => {
  it("lists scheduled publications and re-review dates in range; writers see only their own articles", async () => {
    const w = await makeUser(t.db, { roles: ["WRITER"], name: "Wanda Writer" });
    const other = await makeUser(t.db, { roles: ["WRITER"], name: "Otto Other" });
    const e = await makeUser(t.db, { roles: ["EDITOR"], name: "Eve Editor" });
    const mine = await makeArticle(t.db, { authorId: w.id, title: "Mine" });
    const theirs = await makeArticle(t.db, { authorId: other.id, title: "Theirs" });
    const at = new Date("2031-03-10T10:00:00Z");
    await t.db.article.update({ where: { id: mine.id }, data: { scheduledPublishAt: at } });
    await t.db.article.update({ where: { id: theirs.id }, data: { scheduledPublishAt: at } });
    const range = { from: new Date("2031-03-01T00:00:00Z"), to: new Date("2031-04-01T00:00:00Z") };
    const forEditor = await listCalendarEvents(t.db, actor(e, ["EDITOR"]), range);
    expect(forEditor.map((x) => x.title).sort()).toEqual(["Mine", "Theirs"]);
    const forWriter = await listCalendarEvents(t.db, actor(w, ["WRITER"]), range);
    expect(forWriter.map((x) => x.title)).toEqual(["Mine"]);
    const filtered = await listCalendarEvents(t.db, actor(e, ["EDITOR"]), { ...range, personId: other.id });
    expect(filtered.map((x) => x.title)).toEqual(["Theirs"]);
    expect(await listCalendarEvents(t.db, actor(e, ["EDITOR"]), { from: at, to: at })).toEqual([]);
  });
});
