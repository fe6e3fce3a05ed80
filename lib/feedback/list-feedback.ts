// The editors' inbox: readers' answers filtered by article, reason, status and date, newest first.
// Filters come from the URL (strings); a value that makes no sense is dropped rather than failing the page,
// and the page shows the filters as understood.
import { z } from "zod";
import type { DbTx } from "../db/client";
import { FEEDBACK_REASONS, FEEDBACK_STATUSES } from "./reasons";
import { articleTitles } from "./feedback-stats";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

export const feedbackFiltersSchema = z.object({
  articleId: z.string().trim().min(1).max(64).optional().catch(undefined),
  reason: z.enum(FEEDBACK_REASONS).optional().catch(undefined),
  status: z.enum(FEEDBACK_STATUSES).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  /** "no" (reports, the default), "yes" or "all". */
  answer: z.enum(["no", "yes", "all"]).default("no").catch("no"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type FeedbackFilters = z.output<typeof feedbackFiltersSchema>;

export function parseFeedbackFilters(params: Record<string, string | string[] | undefined>): FeedbackFilters {
  const flat: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    flat[k] = value === "" ? undefined : value;
  }
  return feedbackFiltersSchema.parse(flat);
}

export const INBOX_PAGE_SIZE = 50;

export interface InboxItem {
  id: string;
  articleId: string;
  articleSlug: string;
  articleTitle: string;
  revisionId: string;
  revisionNumber: number;
  isLiveRevision: boolean;
  helpful: boolean;
  reason: string | null;
  comment: string;
  email: string | null;
  status: string;
  resolvedRevisionId: string | null;
  resolvedRevisionNumber: number | null;
  dismissReason: string | null;
  triagedByName: string | null;
  triagedAt: Date | null;
  createdAt: Date;
  /** Beyond the article's hourly cap on blocking reports: kept for triage, did not flag re-review. */
  beyondBlockingCap: boolean;
}

export async function listFeedback(
  db: DbTx,
  filters: FeedbackFilters,
): Promise<{ items: InboxItem[]; total: number; pages: number }> {
  const where = {
    ...(filters.articleId ? { articleId: filters.articleId } : {}),
    ...(filters.reason ? { reason: filters.reason } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.answer === "all" ? {} : { helpful: filters.answer === "yes" }),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00.000Z`) } : {}),
            // "to" is inclusive: up to the end of that day.
            ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.feedback.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: {
        id: true,
        articleId: true,
        revisionId: true,
        helpful: true,
        reason: true,
        comment: true,
        email: true,
        status: true,
        resolvedRevisionId: true,
        dismissReason: true,
        triagedAt: true,
        createdAt: true,
        beyondBlockingCap: true,
        revision: { select: { number: true } },
        resolvedRevision: { select: { number: true } },
        triagedBy: { select: { name: true } },
        article: { select: { liveRevisionId: true } },
      },
    }),
    db.feedback.count({ where }),
  ]);
  const titles = await articleTitles(db, [...new Set(rows.map((r) => r.articleId))]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
    items: rows.map((r) => ({
      id: r.id,
      articleId: r.articleId,
      articleSlug: titles.get(r.articleId)?.slug ?? "",
      articleTitle: titles.get(r.articleId)?.title ?? "",
      revisionId: r.revisionId,
      revisionNumber: r.revision.number,
      isLiveRevision: r.article.liveRevisionId === r.revisionId,
      helpful: r.helpful,
      reason: r.reason,
      comment: r.comment,
      email: r.email,
      status: r.status,
      resolvedRevisionId: r.resolvedRevisionId,
      resolvedRevisionNumber: r.resolvedRevision?.number ?? null,
      dismissReason: r.dismissReason,
      triagedByName: r.triagedBy?.name ?? null,
      triagedAt: r.triagedAt,
      createdAt: r.createdAt,
      beyondBlockingCap: r.beyondBlockingCap,
    })),
  };
}

/** Articles that have any feedback, for the inbox's article filter. */
export async function listArticlesWithFeedback(db: DbTx): Promise<{ id: string; title: string }[]> {
  const groups = await db.feedback.groupBy({ by: ["articleId"] });
  const titles = await articleTitles(
    db,
    groups.map((g) => g.articleId),
  );
  return [...titles.entries()]
    .map(([id, t]) => ({ id, title: t.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * For each open report among `items`, the revisions an editor may link as its fix: later revisions of the same
 * article (frozen, whether or not published yet: the fix is usually resolved before it goes live, since open
 * reports hold the publish). One query for the whole page.
 */
export async function listFixCandidates(
  db: DbTx,
  items: readonly Pick<InboxItem, "id" | "articleId" | "revisionNumber" | "helpful" | "status">[],
): Promise<Map<string, { id: string; number: number; label: string }[]>> {
  const open = items.filter((i) => !i.helpful && (i.status === "NEW" || i.status === "ACKNOWLEDGED"));
  const articleIds = [...new Set(open.map((i) => i.articleId))];
  if (!articleIds.length) return new Map();
  const revisions = await db.revision.findMany({
    where: { articleId: { in: articleIds } },
    orderBy: { number: "desc" },
    select: { id: true, articleId: true, number: true, changeSummary: true, createdAt: true },
  });
  return new Map(
    open.map((item) => [
      item.id,
      revisions
        .filter((r) => r.articleId === item.articleId && r.number > item.revisionNumber)
        .map((r) => ({
          id: r.id,
          number: r.number,
          label: `Revision ${r.number}${r.changeSummary ? ` — ${r.changeSummary.slice(0, 60)}` : ""} (${r.createdAt.toISOString().slice(0, 10)})`,
        })),
    ]),
  );
}

export interface BlockingCapHit {
  articleId: string;
  title: string;
  reports: number;
  lastAt: Date;
}

/**
 * Articles whose hourly cap on "inaccurate"/"outdated" reports was hit since `since`, with how many reports went
 * beyond it: a burst that size is either real news or someone flooding the form, and an editor should look.
 */
export async function listBlockingCapHits(db: DbTx, since: Date): Promise<BlockingCapHit[]> {
  const groups = await db.feedback.groupBy({
    by: ["articleId"],
    where: { beyondBlockingCap: true, createdAt: { gte: since } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  if (!groups.length) return [];
  const titles = await articleTitles(
    db,
    groups.map((g) => g.articleId),
  );
  return groups
    .map((g) => ({
      articleId: g.articleId,
      title: titles.get(g.articleId)?.title ?? "",
      reports: g._count._all,
      lastAt: g._max.createdAt ?? since,
    }))
    .sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
}
