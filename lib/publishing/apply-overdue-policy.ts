// What the site does with a live page past its re-review date, per the admin's policy ("review.overduePolicy"):
//   notice   — the page shows "This page is due for review" (the default);
//   noindex  — the notice, and the page asks search engines not to index it;
//   withdraw — the notice during the grace period ("review.overdueGraceDays" after the due date), then the page is
//              taken down (as an unpublish by the system, with the reason kept on the publication row).
// The scheduler tick (app/api/internal/publish-due) calls applyOverduePolicy: each article whose recorded action
// (Article.overdueAction) differs from what the policy asks now moves in its own transaction with its audit event
// and the public change counter (so every process's stored pages are re-rendered). The reversal — a new approval
// and publication moved the due date forward, or the page stopped being live — is recorded the same way.
// Readers' pages read the recorded action, never the clock, so a stored page stays right until the tick changes it.
import type { Db, DbTx } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";
import { getSetting } from "../settings/settings";
import { changeWhatReadersSee, mergeReaderChanges, type ChangesWhatReadersSee } from "../public/reader-change";
import { syncArticleSearch } from "../search/sync-article-search";
import { queueArticleUnpublishedEvent } from "../webhooks/events";
import { takeDown } from "./take-down";

export const OVERDUE_POLICIES = ["notice", "noindex", "withdraw"] as const;
export type OverduePolicy = (typeof OVERDUE_POLICIES)[number];
export type OverdueAction = "NOTICE" | "NOINDEX" | "WITHDRAWN";

export const OVERDUE_APPLIED_ACTION = "article.overdue_action_applied";
export const OVERDUE_CLEARED_ACTION = "article.overdue_action_cleared";
export const OVERDUE_WITHDRAWN_REASON = "Past its re-review date and the grace period: withdrawn until reviewed again.";

const DAY = 86_400_000;

export function parseOverduePolicy(value: string): OverduePolicy {
  return (OVERDUE_POLICIES as readonly string[]).includes(value) ? (value as OverduePolicy) : "notice";
}

/** The action a page due since `dueAt` should carry at `now` (null: not overdue). Pure, for the tick and tests. */
export function overdueActionFor(
  policy: OverduePolicy,
  graceDays: number,
  dueAt: Date | null,
  now: Date,
): OverdueAction | null {
  if (!dueAt || dueAt >= now) return null;
  if (policy === "noindex") return "NOINDEX";
  if (policy === "withdraw") return now.getTime() >= dueAt.getTime() + graceDays * DAY ? "WITHDRAWN" : "NOTICE";
  return "NOTICE";
}

export interface OverdueTransition {
  articleId: string;
  slug: string;
  from: string | null;
  to: string | null;
}

export interface OverdueRunResult extends ChangesWhatReadersSee {
  transitions: OverdueTransition[];
}

const BATCH = 100;

/**
 * Articles whose recorded action differs from what the policy asks at `now` (one indexed query; SQL `<>` leaves out
 * NULL, hence the explicit null branches). Pages already carrying the right action are not read again.
 */
function needsMoveWhere(policy: OverduePolicy, graceDays: number, now: Date) {
  const live = { liveRevisionId: { not: null } };
  const differs = (action: OverdueAction) => ({ OR: [{ overdueAction: null }, { overdueAction: { not: action } }] });
  const graceEnd = new Date(now.getTime() - graceDays * DAY);
  const toApply =
    policy === "withdraw"
      ? [
          { ...live, reviewDueAt: { lt: graceEnd } },
          { ...live, reviewDueAt: { gte: graceEnd, lt: now }, ...differs("NOTICE") },
        ]
      : [{ ...live, reviewDueAt: { lt: now }, ...differs(policy === "noindex" ? "NOINDEX" : "NOTICE") }];
  const toClear = [
    { ...live, overdueAction: { not: null }, OR: [{ reviewDueAt: null }, { reviewDueAt: { gte: now } }] },
    { liveRevisionId: null, overdueAction: { in: ["NOTICE", "NOINDEX"] } },
  ];
  return { OR: [...toApply, ...toClear] };
}

async function overdueSettings(db: DbTx) {
  const policy = parseOverduePolicy(await getSetting(db, "review.overduePolicy"));
  const graceDays = await getSetting(db, "review.overdueGraceDays");
  return { policy, graceDays };
}

export async function applyOverduePolicy(db: Db, now = new Date()): Promise<OverdueRunResult> {
  const { policy, graceDays } = await overdueSettings(db);
  const due = await db.article.findMany({
    where: needsMoveWhere(policy, graceDays, now),
    select: { id: true },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  const transitions: OverdueTransition[] = [];
  const changes = [];
  for (const { id } of due) {
    const done = await db.$transaction((tx) => moveArticle(tx, id, policy, graceDays, now));
    if (done) {
      transitions.push(done.transition);
      changes.push(done.readerChange);
    }
  }
  return { transitions, readerChange: mergeReaderChanges(changes) };
}

async function moveArticle(tx: DbTx, articleId: string, policy: OverduePolicy, graceDays: number, now: Date) {
  // Re-read inside the transaction: another process's tick may have moved it already.
  const a = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      status: true,
      liveRevisionId: true,
      reviewDueAt: true,
      overdueAction: true,
      overdueActedAt: true,
      updatedAt: true,
    },
  });
  if (!a) return null;
  const live = !!a.liveRevisionId;
  // A withdrawn page stays withdrawn until it is published again (then it is live and its due date moved on).
  const wanted: OverdueAction | null = live
    ? overdueActionFor(policy, graceDays, a.reviewDueAt, now)
    : a.overdueAction === "WITHDRAWN"
      ? "WITHDRAWN"
      : null;
  if (wanted === a.overdueAction) return null;

  const overdueDays = a.reviewDueAt ? Math.max(0, Math.floor((now.getTime() - a.reviewDueAt.getTime()) / DAY)) : 0;
  await tx.article.update({
    where: { id: a.id },
    // The site acting on a date is not an edit: "last modified" (and the studio list's order, whose pages are read
    // with a cursor on it) stays where the people who edited it left it.
    data: { overdueAction: wanted, overdueActedAt: wanted ? now : null, updatedAt: a.updatedAt },
  });
  if (wanted === "WITHDRAWN") {
    await takeDown(tx, a.id, a.liveRevisionId!, OVERDUE_WITHDRAWN_REASON);
    await tx.article.update({ where: { id: a.id }, data: { status: "UNPUBLISHED", liveRevisionId: null } });
  }
  const readerChange = await changeWhatReadersSee(tx, { articleId: a.id, revisionIds: [a.liveRevisionId] });
  if (wanted === "WITHDRAWN") {
    await syncArticleSearch(tx, a.id);
    await queueArticleUnpublishedEvent(tx, { articleId: a.id, slug: a.slug, revisionId: a.liveRevisionId });
  }
  await recordAuditEvent(tx, {
    actorId: null,
    action: wanted ? OVERDUE_APPLIED_ACTION : OVERDUE_CLEARED_ACTION,
    entityType: "Article",
    entityId: a.id,
    data: {
      from: a.overdueAction,
      to: wanted,
      policy,
      reviewDueAt: a.reviewDueAt?.toISOString() ?? null,
      overdueDays,
      revisionId: a.liveRevisionId,
      ...(wanted ? {} : { reason: live ? "re-reviewed: the due date has moved on" : "no longer live" }),
    },
  });
  return { transition: { articleId: a.id, slug: a.slug, from: a.overdueAction, to: wanted }, readerChange };
}
