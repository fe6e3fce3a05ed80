// What each role sees first in the studio. One query per section, bounded lists.
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

/** Articles waiting for a medical decision that this reviewer is allowed to take (not their own work). */
export async function reviewQueue(db: DbTx, actor: Actor) {
  return db.article.findMany({
    where: {
      status: "IN_REVIEW",
      // Separation of duties (lib/workflow/article-contributors.ts) refuses the article's authors and anyone who
      // wrote or edited any of its revisions, in any cycle: leave those articles out.
      authors: { none: { userId: actor.id } },
      revisions: { none: { contributors: { some: { userId: actor.id } } } },
    },
    orderBy: { updatedAt: "asc" },
    take: 50,
    select: articleListSelect,
  });
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

export async function dashboardFor(db: DbTx, actor: Actor) {
  const [drafts, queue, editorial, users] = await Promise.all([
    can(actor, "article.create") ? writerDrafts(db, actor) : null,
    can(actor, "review.queue") ? reviewQueue(db, actor) : null,
    can(actor, "article.publish") ? articlesByStatus(db) : null,
    can(actor, "users.manage") ? userSummary(db) : null,
  ]);
  return { drafts, queue, editorial, users };
}
