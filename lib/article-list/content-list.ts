// The studio's content list: every article the person may see, filtered, searched and sorted, one page at a
// time with a keyset cursor (sort value + id), so paging stays consistent while others edit: nothing is shown
// twice and pages never shift by an offset. The query comes from the URL (bookmarkable, shareable) and is
// parsed here; the page, the CSV export and the bulk actions all read the same definition.
import { z } from "zod";
import type { DbTx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { can, type Actor } from "../auth/policy";
import { ARTICLE_STATUSES } from "../workflow/state-machine";
import { BLOCKING_REASONS, OPEN_STATUSES } from "../feedback/reasons";
import { searchDrafts } from "./draft-search";

const DAY = 86400_000;
export const CONTENT_SORTS = ["updated", "title", "created"] as const;
export type ContentSort = (typeof CONTENT_SORTS)[number];

const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(""), schema])
    .optional()
    .transform((v) => (v === "" ? undefined : v) as z.output<T> | undefined);

export const contentListQuerySchema = z.object({
  q: optional(z.string().trim().max(200)),
  state: optional(z.enum(ARTICLE_STATUSES)),
  writer: optional(z.string().max(40)),
  reviewer: optional(z.string().max(40)),
  area: optional(z.string().max(40)),
  live: optional(z.enum(["yes", "no"])),
  due: optional(z.enum(["overdue", "soon"])),
  reports: optional(z.enum(["open"])),
  sort: optional(z.enum(CONTENT_SORTS)),
  cursor: optional(z.string().max(400)),
  limit: optional(z.coerce.number().int().min(1).max(200)),
});
export type ContentListQuery = z.output<typeof contentListQuerySchema>;

/** Parses URL parameters leniently: a bad value is dropped (an old bookmark still opens), never a 500. */
export function parseContentListQuery(params: Record<string, string | string[] | undefined>): ContentListQuery {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === "string") flat[k] = v;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(contentListQuerySchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(flat[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as ContentListQuery;
}

interface Cursor {
  v: string | null;
  id: string;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    return typeof c?.id === "string" && (typeof c.v === "string" || c.v === null) ? c : null;
  } catch {
    return null;
  }
}

export const contentRowSelect = {
  id: true,
  slug: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  liveRevisionId: true,
  reviewDueAt: true,
  draft: { select: { title: true, conditionName: true } },
  clinicalArea: { select: { name: true } },
  authors: { select: { user: { select: { name: true } } } },
  // Every reviewer the Reviewer filter would find the article by (contentListWhere): assigned, whether or not
  // they have decided yet, and anyone who decided on one of its revisions unassigned (a claim). Prisma loads
  // each relation for the whole page in one batched query, never one per row.
  assignments: {
    orderBy: { assignedAt: "asc" },
    select: { reviewer: { select: { id: true, name: true } }, completedAt: true },
  },
  revisions: {
    where: { reviews: { some: {} } },
    select: { reviews: { orderBy: { createdAt: "asc" }, select: { reviewer: { select: { id: true, name: true } } } } },
  },
  _count: {
    select: {
      feedback: { where: { reason: { in: [...BLOCKING_REASONS] }, status: { in: [...OPEN_STATUSES] } } },
    },
  },
} satisfies Prisma.ArticleSelect;

export type ContentRow = Prisma.ArticleGetPayload<{ select: typeof contentRowSelect }>;

/** The article's reviewers, each once: assigned ones first (in the order assigned), then those who only decided. */
export function contentRowReviewers(row: Pick<ContentRow, "assignments" | "revisions">): string[] {
  const names = new Map<string, string>();
  for (const a of row.assignments) names.set(a.reviewer.id, a.reviewer.name);
  for (const r of row.revisions) for (const review of r.reviews) names.set(review.reviewer.id, review.reviewer.name);
  return [...names.values()];
}

/** The filter part of the query (no cursor, no search): shared by the page and the CSV export. */
export function contentListWhere(actor: Actor, q: ContentListQuery, now = new Date()): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [];
  if (!can(actor, "article.read.any")) and.push({ authors: { some: { userId: actor.id } } });
  if (q.state) and.push({ status: q.state });
  if (q.writer) and.push({ authors: { some: { userId: q.writer } } });
  if (q.reviewer)
    and.push({
      OR: [
        { assignments: { some: { reviewerId: q.reviewer } } },
        { revisions: { some: { reviews: { some: { reviewerId: q.reviewer } } } } },
      ],
    });
  if (q.area) and.push({ clinicalAreaId: q.area });
  if (q.live === "yes") and.push({ liveRevisionId: { not: null } });
  if (q.live === "no") and.push({ liveRevisionId: null });
  if (q.due === "overdue") and.push({ liveRevisionId: { not: null }, reviewDueAt: { lt: now } });
  if (q.due === "soon")
    and.push({ liveRevisionId: { not: null }, reviewDueAt: { gte: now, lte: new Date(now.getTime() + 30 * DAY) } });
  if (q.reports === "open")
    and.push({ feedback: { some: { reason: { in: [...BLOCKING_REASONS] }, status: { in: [...OPEN_STATUSES] } } } });
  return and.length ? { AND: and } : {};
}

/** SQLite allows this many bound values per statement (Prisma's limit): longer id lists go in chunks. */
const IDS_PER_QUERY = 900;

/**
 * Runs `query` over `where`, restricted to the draft-search matches when there is a search: one query
 * without a search, else one per chunk of matching ids, merged in the sort order and cut to `take`.
 */
async function findRows(
  db: DbTx,
  q: ContentListQuery,
  where: Prisma.ArticleWhereInput,
  take: number,
  sort: ContentSort,
): Promise<ContentRow[]> {
  const orderBy = ordering(sort);
  if (!q.q) return db.article.findMany({ where, orderBy, take, select: contentRowSelect });
  const ids = await searchDrafts(db, q.q);
  // First the sort keys of each chunk's best rows, then the full rows of the winners only.
  const keys: SortKeys[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    keys.push(
      ...(await db.article.findMany({
        where: { AND: [where, { id: { in: ids.slice(i, i + IDS_PER_QUERY) } }] },
        orderBy,
        take,
        select: sortKeySelect,
      })),
    );
  }
  const winners = keys.sort(compareRows(sort)).slice(0, take);
  const full = new Map(
    (await db.article.findMany({ where: { id: { in: winners.map((w) => w.id) } }, select: contentRowSelect })).map(
      (r) => [r.id, r],
    ),
  );
  return winners.map((w) => full.get(w.id)).filter((r): r is ContentRow => !!r);
}

const sortKeySelect = { id: true, createdAt: true, updatedAt: true, draft: { select: { title: true } } } as const;
type SortKeys = Prisma.ArticleGetPayload<{ select: typeof sortKeySelect }>;

/** The same order as `ordering`, in memory (binary string order, like SQLite's). */
function compareRows(sort: ContentSort) {
  const bin = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: SortKeys, b: SortKeys) => {
    if (sort === "title") return bin(a.draft?.title ?? "", b.draft?.title ?? "") || bin(a.id, b.id);
    const field = sort === "created" ? "createdAt" : "updatedAt";
    return b[field].getTime() - a[field].getTime() || bin(b.id, a.id);
  };
}

function ordering(sort: ContentSort): Prisma.ArticleOrderByWithRelationInput[] {
  if (sort === "title") return [{ draft: { title: "asc" } }, { id: "asc" }];
  if (sort === "created") return [{ createdAt: "desc" }, { id: "desc" }];
  return [{ updatedAt: "desc" }, { id: "desc" }];
}

function sortValue(sort: ContentSort, row: ContentRow): string | null {
  if (sort === "title") return row.draft?.title ?? null;
  return (sort === "created" ? row.createdAt : row.updatedAt).toISOString();
}

/** Rows strictly after the cursor in the sort order. */
function after(sort: ContentSort, c: Cursor): Prisma.ArticleWhereInput {
  if (sort === "title")
    return c.v === null
      ? { draft: { is: null }, id: { gt: c.id } }
      : { OR: [{ draft: { title: { gt: c.v } } }, { draft: { title: c.v }, id: { gt: c.id } }] };
  const field = sort === "created" ? "createdAt" : "updatedAt";
  const at = new Date(c.v ?? 0);
  return { OR: [{ [field]: { lt: at } }, { [field]: at, id: { lt: c.id } }] };
}

export async function listContent(db: DbTx, actor: Actor, q: ContentListQuery, now = new Date()) {
  const sort = q.sort ?? "updated";
  const limit = q.limit ?? 50;
  const where = contentListWhere(actor, q, now);
  const cursor = decodeCursor(q.cursor);
  const rows = await findRows(db, q, cursor ? { AND: [where, after(sort, cursor)] } : where, limit + 1, sort);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    sort,
    nextCursor: rows.length > limit && last ? encodeCursor({ v: sortValue(sort, last), id: last.id }) : null,
  };
}

/** Every row of the view (no paging) for the CSV export, bounded. */
export async function listContentForExport(db: DbTx, actor: Actor, q: ContentListQuery, max = 20_000) {
  return findRows(db, q, contentListWhere(actor, q), max, q.sort ?? "updated");
}
