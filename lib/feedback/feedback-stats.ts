// Helpfulness numbers: the rate per article, a weekly series for its chart, and the site's least helpful
// articles. Weeks start on Monday, UTC, so a chart reads the same for every editor whatever their time zone.
import type { DbTx } from "../db/client";
import { BLOCKING_REASONS, OPEN_STATUSES } from "./reasons";

export interface HelpfulnessTotals {
  yes: number;
  no: number;
  total: number;
  /** yes / total, or null when nobody has answered yet (a rate of 0 % would be a lie). */
  rate: number | null;
}

export interface WeekPoint {
  /** Monday of the week, "YYYY-MM-DD" (UTC). */
  weekStart: string;
  yes: number;
  no: number;
  /** "No" answers that said inaccurate or outdated. */
  reports: number;
}

export function helpfulness(yes: number, no: number): HelpfulnessTotals {
  const total = yes + no;
  return { yes, no, total, rate: total === 0 ? null : yes / total };
}

/** "83 %" style text for a rate, or a dash when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)} %`;
}

const DAY_MS = 86_400_000;

export function weekStartOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY_MS);
}

/** Buckets answers into `weeks` consecutive weeks ending with the one containing `now` (empty weeks included). */
export function weeklySeries(
  answers: readonly { helpful: boolean; reason: string | null; createdAt: Date }[],
  weeks: number,
  now: Date,
): WeekPoint[] {
  const last = weekStartOf(now).getTime();
  const first = last - (weeks - 1) * 7 * DAY_MS;
  const points: WeekPoint[] = [];
  for (let i = 0; i < weeks; i++) {
    points.push({ weekStart: new Date(first + i * 7 * DAY_MS).toISOString().slice(0, 10), yes: 0, no: 0, reports: 0 });
  }
  for (const a of answers) {
    const index = Math.floor((weekStartOf(a.createdAt).getTime() - first) / (7 * DAY_MS));
    const point = points[index];
    if (!point) continue;
    if (a.helpful) point.yes++;
    else {
      point.no++;
      if (a.reason && (BLOCKING_REASONS as readonly string[]).includes(a.reason)) point.reports++;
    }
  }
  return points;
}

export async function getHelpfulness(db: DbTx, articleId: string): Promise<HelpfulnessTotals> {
  const groups = await db.feedback.groupBy({ by: ["helpful"], where: { articleId }, _count: { _all: true } });
  const yes = groups.find((g) => g.helpful)?._count._all ?? 0;
  const no = groups.find((g) => !g.helpful)?._count._all ?? 0;
  return helpfulness(yes, no);
}

export interface ArticleFeedbackStats extends HelpfulnessTotals {
  weeks: WeekPoint[];
  openReports: number;
}

export async function getArticleFeedbackStats(
  db: DbTx,
  articleId: string,
  options: { weeks?: number; now?: Date } = {},
): Promise<ArticleFeedbackStats> {
  const weeks = options.weeks ?? 12;
  const now = options.now ?? new Date();
  const since = new Date(weekStartOf(now).getTime() - (weeks - 1) * 7 * DAY_MS);
  const [totals, recent, openReports] = await Promise.all([
    getHelpfulness(db, articleId),
    db.feedback.findMany({
      where: { articleId, createdAt: { gte: since } },
      select: { helpful: true, reason: true, createdAt: true },
    }),
    db.feedback.count({ where: { articleId, helpful: false, status: { in: [...OPEN_STATUSES] } } }),
  ]);
  return { ...totals, weeks: weeklySeries(recent, weeks, now), openReports };
}

export interface LeastHelpfulRow extends HelpfulnessTotals {
  articleId: string;
  slug: string;
  title: string;
  openReports: number;
}

/**
 * Articles ranked from least to most helpful, among those with at least `minAnswers` answers (one "No" out of
 * one answer says little). Ties go to the article with more "No" answers.
 */
export async function listLeastHelpful(
  db: DbTx,
  options: { minAnswers?: number; limit?: number } = {},
): Promise<LeastHelpfulRow[]> {
  const minAnswers = options.minAnswers ?? 3;
  const limit = options.limit ?? 20;
  const [groups, open] = await Promise.all([
    db.feedback.groupBy({ by: ["articleId", "helpful"], _count: { _all: true } }),
    db.feedback.groupBy({
      by: ["articleId"],
      where: { helpful: false, status: { in: [...OPEN_STATUSES] } },
      _count: { _all: true },
    }),
  ]);
  const counts = new Map<string, { yes: number; no: number }>();
  for (const g of groups) {
    const c = counts.get(g.articleId) ?? { yes: 0, no: 0 };
    if (g.helpful) c.yes += g._count._all;
    else c.no += g._count._all;
    counts.set(g.articleId, c);
  }
  const ranked = [...counts.entries()]
    .map(([articleId, c]) => ({ articleId, ...helpfulness(c.yes, c.no) }))
    .filter((r) => r.total >= minAnswers)
    .sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || b.no - a.no || a.articleId.localeCompare(b.articleId))
    .slice(0, limit);
  const titles = await articleTitles(
    db,
    ranked.map((r) => r.articleId),
  );
  const openBy = new Map(open.map((o) => [o.articleId, o._count._all]));
  return ranked.map((r) => ({
    ...r,
    slug: titles.get(r.articleId)?.slug ?? "",
    title: titles.get(r.articleId)?.title ?? "(untitled)",
    openReports: openBy.get(r.articleId) ?? 0,
  }));
}

/** The title an editor knows an article by: its live version's, else its latest frozen one's, else the draft's. */
export async function articleTitles(
  db: DbTx,
  ids: readonly string[],
): Promise<Map<string, { slug: string; title: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.article.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      slug: true,
      liveRevision: { select: { title: true } },
      currentRevision: { select: { title: true } },
      draft: { select: { title: true } },
    },
  });
  return new Map(
    rows.map((a) => [
      a.id,
      { slug: a.slug, title: a.liveRevision?.title ?? a.currentRevision?.title ?? a.draft?.title ?? a.slug },
    ]),
  );
}
