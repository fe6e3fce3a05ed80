// What each role has waiting for them (the studio home shows it). One query per list, bounded lists.
import { recentRebuildJobs } from "../rebuilds/rebuild-jobs";
import type { DbTx } from "../db/client";
import { can, type Actor } from "../auth/policy";

const articleListSelect = {
  id: true,
  slug: true,
  status: true,
  updatedAt: true,
  liveRevisionId: true,
  draft: { select: { title: true } },
} as const;

export async function writerDrafts(db: DbTx, actor: Actor) {
  return db.article.findMany({
    where: { authors: { some: { userId: actor.id } }, status: { not: "ARCHIVED" } },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: articleListSelect,
  });
}

/** Articles waiting for a medical decision that this reviewer is allowed to take (not their own work):
 *  those assigned to them first (earliest due first), then the ones nobody is assigned to (claimable),
 *  then the ones assigned to someone else. */
export async function reviewQueue(db: DbTx, actor: Actor) {
  const rows = await db.article.findMany({
    where: {
      status: "IN_REVIEW",
      // Separation of duties (lib/workflow/article-contributors.ts) refuses the article's authors and anyone who
      // wrote or edited any of its revisions, in any cycle: leave those articles out.
      authors: { none: { userId: actor.id } },
      revisions: { none: { contributors: { some: { userId: actor.id } } } },
    },
    orderBy: { updatedAt: "asc" },
    take: 200,
    select: {
      ...articleListSelect,
      clinicalArea: { select: { name: true } },
      authors: { select: { user: { select: { name: true } } } },
      // Submitting freezes the revision under review: its creation is when the article was submitted.
      currentRevision: { select: { createdAt: true } },
      assignments: {
        where: { completedAt: null },
        orderBy: { dueAt: "asc" },
        select: { reviewerId: true, dueAt: true, reviewer: { select: { name: true } } },
      },
    },
  });
  const now = Date.now();
  const shaped = rows.map(({ assignments, clinicalArea, authors, currentRevision, ...a }) => {
    const mine = assignments.find((x) => x.reviewerId === actor.id);
    // Your own due date when assigned to you, else the earliest of whoever is assigned (none when claimable).
    const dueAt = mine?.dueAt ?? assignments[0]?.dueAt ?? null;
    return {
      ...a,
      area: clinicalArea?.name ?? null,
      writers: authors.map((x) => x.user.name),
      submittedAt: currentRevision?.createdAt ?? null,
      assignedToYou: !!mine,
      claimable: assignments.length === 0,
      assignees: assignments.map((x) => x.reviewer.name),
      dueAt,
      overdue: !!mine && mine.dueAt.getTime() < now,
    };
  });
  const rank = (a: (typeof shaped)[number]) => (a.assignedToYou ? 0 : a.claimable ? 1 : 2);
  return shaped.sort((a, b) => rank(a) - rank(b) || (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0)).slice(0, 50);
}

export async function articlesByStatus(db: DbTx) {
  const [counts, recent] = await Promise.all([
    db.article.groupBy({ by: ["status"], _count: { _all: true } }),
    db.article.findMany({ orderBy: { updatedAt: "desc" }, take: 100, select: articleListSelect }),
  ]);
  return { counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>, recent };
}

export async function userSummary(db: DbTx) {
  const [active, disabled, pendingCredentials] = await Promise.all([
    db.user.count({ where: { status: "ACTIVE" } }),
    db.user.count({ where: { status: "DISABLED" } }),
    db.credential.count({ where: { status: "PENDING" } }),
  ]);
  return { active, disabled, pendingCredentials };
}

export async function loadWorklists(db: DbTx, actor: Actor) {
  const [drafts, queue, editorial, users, rebuilds] = await Promise.all([
    can(actor, "article.create") ? writerDrafts(db, actor) : null,
    can(actor, "review.queue") ? reviewQueue(db, actor) : null,
    can(actor, "article.publish") ? articlesByStatus(db) : null,
    can(actor, "users.manage") ? userSummary(db) : null,
    // Background rebuilds of the derived indexes (after an upgrade or a restore): admins run the site, editors
    // decide on plagiarism reports made while one is under way.
    can(actor, "users.manage") || can(actor, "article.publish") ? recentRebuildJobs(db, 3) : null,
  ]);
  return { drafts, queue, editorial, users, rebuilds };
}
