// What is due when: scheduled publications, medical re-review dates of live articles and review-assignment
// due dates, for one range of days. Three bounded indexed queries (scheduledPublishAt, reviewDueAt, dueAt),
// whatever the range; the page and the iCal feed both read this.
import type { DbTx } from "../db/client";
import { can, type Actor } from "../auth/policy";

export type CalendarEventKind = "publication" | "reReview" | "reviewDue";

export const CALENDAR_EVENT_LABELS: Record<CalendarEventKind, string> = {
  publication: "Scheduled publication",
  reReview: "Medical re-review due",
  reviewDue: "Review due",
};

export interface CalendarEvent {
  /** Stable across runs: the iCal UID is built from it. */
  id: string;
  kind: CalendarEventKind;
  at: Date;
  articleId: string;
  title: string;
  area: string | null;
  /** Reviewer the event belongs to (review-assignment due dates). */
  reviewerName?: string;
  /** For scheduled publications: what the reschedule form needs. */
  revisionId?: string;
  overdue: boolean;
}

export interface CalendarFilter {
  from: Date;
  to: Date;
  /** Only articles this person writes, or is assigned to review. */
  personId?: string;
  /** Only articles of this clinical area (Specialty id). */
  areaId?: string;
}

/** Upper bound per kind: a calendar range is a month or a week, and a feed a year. */
const LIMIT = 2000;

export async function listCalendarEvents(
  db: DbTx,
  actor: Actor,
  filter: CalendarFilter,
  now = new Date(),
): Promise<CalendarEvent[]> {
  // Staff who may see every article see everything; a writer sees the articles they write and a reviewer
  // what they are assigned.
  const visibility = can(actor, "article.read.any")
    ? {}
    : { OR: [{ authors: { some: { userId: actor.id } } }, { assignments: { some: { reviewerId: actor.id } } }] };
  const person = filter.personId
    ? {
        OR: [
          { authors: { some: { userId: filter.personId } } },
          { assignments: { some: { reviewerId: filter.personId, completedAt: null } } },
        ],
      }
    : {};
  const articleWhere = {
    AND: [visibility, person, filter.areaId ? { clinicalAreaId: filter.areaId } : {}],
  };
  const range = { gte: filter.from, lt: filter.to };
  const articleSelect = {
    id: true,
    draft: { select: { title: true } },
    liveRevision: { select: { title: true } },
    clinicalArea: { select: { name: true } },
  } as const;
  const [scheduled, reReviews, assignments] = await Promise.all([
    db.article.findMany({
      where: { ...articleWhere, scheduledPublishAt: range },
      select: { ...articleSelect, scheduledPublishAt: true, scheduledRevisionId: true },
      orderBy: { scheduledPublishAt: "asc" },
      take: LIMIT,
    }),
    db.article.findMany({
      where: { ...articleWhere, liveRevisionId: { not: null }, reviewDueAt: range },
      select: { ...articleSelect, reviewDueAt: true },
      orderBy: { reviewDueAt: "asc" },
      take: LIMIT,
    }),
    db.reviewAssignment.findMany({
      where: {
        dueAt: range,
        completedAt: null,
        article: articleWhere,
        ...(filter.personId ? { reviewerId: filter.personId } : {}),
      },
      select: {
        id: true,
        dueAt: true,
        reviewer: { select: { name: true } },
        article: { select: articleSelect },
      },
      orderBy: { dueAt: "asc" },
      take: LIMIT,
    }),
  ]);
  type ArticleBits = {
    id: string;
    draft: { title: string } | null;
    liveRevision: { title: string } | null;
    clinicalArea: { name: string } | null;
  };
  const titleOf = (a: ArticleBits) => a.draft?.title || a.liveRevision?.title || "Untitled article";
  const events: CalendarEvent[] = [
    ...scheduled.map((a) => ({
      id: `publication-${a.id}`,
      kind: "publication" as const,
      at: a.scheduledPublishAt!,
      articleId: a.id,
      title: titleOf(a),
      area: a.clinicalArea?.name ?? null,
      revisionId: a.scheduledRevisionId ?? undefined,
      overdue: false,
    })),
    ...reReviews.map((a) => ({
      id: `rereview-${a.id}`,
      kind: "reReview" as const,
      at: a.reviewDueAt!,
      articleId: a.id,
      title: titleOf(a),
      area: a.clinicalArea?.name ?? null,
      overdue: a.reviewDueAt! < now,
    })),
    ...assignments.map((x) => ({
      id: `assignment-${x.id}`,
      kind: "reviewDue" as const,
      at: x.dueAt,
      articleId: x.article.id,
      title: titleOf(x.article),
      area: x.article.clinicalArea?.name ?? null,
      reviewerName: x.reviewer.name,
      overdue: x.dueAt < now,
    })),
  ];
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}
