// Live articles due for medical re-review: overdue (reviewDueAt passed, or the credential of the reviewer who
// approved the live revision has expired since) and due soon (within the policy's "due soon" window). For the
// dashboard; both lists are bounded and ordered by due date.
import type { DbTx } from "../db/client";
import { getSetting } from "../settings/settings";

const select = {
  id: true,
  slug: true,
  status: true,
  reviewDueAt: true,
  lastPublishedAt: true,
  overdueAction: true,
  draft: { select: { title: true } },
  liveRevision: { select: { title: true } },
} as const;

/** The standing approval was given under a credential that has expired since: the claim needs a new review. */
export function expiredApprovalWhere(now: Date) {
  return { decision: "APPROVED", voidedAt: null, credential: { expiresAt: { lt: now } } };
}

export async function reviewDueLists(db: DbTx, now = new Date()) {
  const days = await getSetting(db, "review.dueSoonDays");
  const soon = new Date(now.getTime() + days * 86400_000);
  const live = { liveRevisionId: { not: null } };
  const [byDate, byCredential, dueSoon] = await Promise.all([
    db.article.findMany({
      where: { ...live, reviewDueAt: { lt: now } },
      orderBy: { reviewDueAt: "asc" },
      take: 100,
      select,
    }),
    db.article.findMany({
      where: { ...live, liveRevision: { reviews: { some: expiredApprovalWhere(now) } } },
      take: 100,
      select: {
        ...select,
        liveRevision: {
          select: {
            title: true,
            reviews: {
              where: expiredApprovalWhere(now),
              take: 1,
              select: { credential: { select: { expiresAt: true } } },
            },
          },
        },
      },
    }),
    db.article.findMany({
      where: { ...live, reviewDueAt: { gte: now, lte: soon } },
      orderBy: { reviewDueAt: "asc" },
      take: 100,
      select,
    }),
  ]);
  const shape = (a: (typeof byDate)[number], reason: "date" | "credential", due: Date) => ({
    id: a.id,
    slug: a.slug,
    status: a.status,
    title: a.liveRevision?.title ?? a.draft?.title ?? a.slug,
    reviewDueAt: due,
    lastPublishedAt: a.lastPublishedAt,
    reason,
    // Whole days past the due date (0 on the day itself; negative for "due soon").
    overdueDays: Math.floor((now.getTime() - due.getTime()) / 86400_000),
    // What readers currently see because of it (lib/publishing/apply-overdue-policy.ts).
    overdueAction: a.overdueAction,
  });
  const overdue = byDate.map((a) => shape(a, "date", a.reviewDueAt!));
  const seen = new Set(overdue.map((a) => a.id));
  for (const a of byCredential)
    if (!seen.has(a.id))
      overdue.push(shape(a, "credential", a.liveRevision?.reviews[0]?.credential?.expiresAt ?? a.reviewDueAt ?? now));
  overdue.sort((x, y) => x.reviewDueAt.getTime() - y.reviewDueAt.getTime());
  return {
    overdue,
    dueSoon: dueSoon.map((a) => shape(a, "date", a.reviewDueAt!)),
    dueSoonDays: days,
  };
}
