// Live articles due for medical re-review: overdue (reviewDueAt passed) and due soon (within the policy's
// "due soon" window). For the dashboard; both lists are bounded and ordered by due date.
import type { DbTx } from "../db/client";
import { getSetting } from "../settings/settings";

const select = {
  id: true,
  slug: true,
  status: true,
  reviewDueAt: true,
  lastPublishedAt: true,
  draft: { select: { title: true } },
  liveRevision: { select: { title: true } },
} as const;

export async function reviewDueLists(db: DbTx, now = new Date()) {
  const days = await getSetting(db, "review.dueSoonDays");
  const soon = new Date(now.getTime() + days * 86400_000);
  const live = { liveRevisionId: { not: null } };
  const [overdue, dueSoon] = await Promise.all([
    db.article.findMany({
      where: { ...live, reviewDueAt: { lt: now } },
      orderBy: { reviewDueAt: "asc" },
      take: 100,
      select,
    }),
    db.article.findMany({
      where: { ...live, reviewDueAt: { gte: now, lte: soon } },
      orderBy: { reviewDueAt: "asc" },
      take: 100,
      select,
    }),
  ]);
  const shape = (a: (typeof overdue)[number]) => ({
    id: a.id,
    slug: a.slug,
    status: a.status,
    title: a.liveRevision?.title ?? a.draft?.title ?? a.slug,
    reviewDueAt: a.reviewDueAt!,
    lastPublishedAt: a.lastPublishedAt,
  });
  return { overdue: overdue.map(shape), dueSoon: dueSoon.map(shape), dueSoonDays: days };
}
