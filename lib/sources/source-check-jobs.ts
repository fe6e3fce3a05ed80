// Weekly source checks for live articles, as a job queue in the database (SourceCheckJob) so several app
// processes can share the work: each job is claimed by one UPDATE … RETURNING that sets claimedAt, and a
// claim older than CLAIM_TIMEOUT_MS (a process that died mid-job) can be taken over.
import type { Db } from "../db/client";
import { checkRevisionSources } from "./check-sources";
import type { ReferenceLookup } from "./reference-lookup";
import { REVISION_OF_RECORD_SELECT, revisionOfRecord } from "../articles/revision-of-record";

export const WEEK_MS = 7 * 24 * 3600_000;
const CLAIM_TIMEOUT_MS = 15 * 60_000;

/** Queues a weekly check for every live article whose last check is a week old (or that has none). */
export async function enqueueWeeklyChecks(db: Db, now = new Date()): Promise<number> {
  const live = await db.article.findMany({ where: { liveRevisionId: { not: null } }, select: { id: true } });
  if (live.length === 0) return 0;
  const recent = await db.sourceCheckJob.findMany({
    where: {
      articleId: { in: live.map((a) => a.id) },
      OR: [{ doneAt: null }, { doneAt: { gt: new Date(now.getTime() - WEEK_MS) } }],
    },
    select: { articleId: true },
  });
  const skip = new Set(recent.map((r) => r.articleId));
  const due = live.filter((a) => !skip.has(a.id));
  if (due.length)
    await db.sourceCheckJob.createMany({
      data: due.map((a) => ({ articleId: a.id, reason: "WEEKLY", runAfter: now })),
    });
  return due.length;
}

/**
 * Claims the next job: picks a candidate, then takes it with one conditional UPDATE (compare-and-set on
 * claimedAt). When another process took it first the update matches no row and the next candidate is tried.
 */
export async function claimNextJob(db: Db, now = new Date()): Promise<{ id: string; articleId: string } | null> {
  const stale = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  const free = { doneAt: null, runAfter: { lte: now }, OR: [{ claimedAt: null }, { claimedAt: { lt: stale } }] };
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = await db.sourceCheckJob.findFirst({
      where: free,
      orderBy: { runAfter: "asc" },
      select: { id: true, articleId: true },
    });
    if (!candidate) return null;
    const taken = await db.sourceCheckJob.updateMany({
      where: { id: candidate.id, ...free },
      data: { claimedAt: now },
    });
    if (taken.count === 1) return candidate;
  }
  return null;
}

/** Enqueues what is due, then runs up to `max` jobs. Never throws for one job's failure. */
export async function runSourceCheckJobs(db: Db, lookup: ReferenceLookup, options: { now?: Date; max?: number } = {}) {
  const now = options.now ?? new Date();
  await enqueueWeeklyChecks(db, now);
  let ran = 0;
  for (let i = 0; i < (options.max ?? 10); i++) {
    const job = await claimNextJob(db, now);
    if (!job) break;
    let error = "";
    try {
      const article = await db.article.findUnique({
        where: { id: job.articleId },
        select: REVISION_OF_RECORD_SELECT,
      });
      const revisionId = article ? revisionOfRecord(article) : null;
      if (revisionId) {
        const result = await checkRevisionSources(db, lookup, revisionId);
        error = result.errors.join("; ");
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    await db.sourceCheckJob.update({
      where: { id: job.id },
      data: { doneAt: new Date(), error: error.slice(0, 2000) },
    });
    ran++;
  }
  return ran;
}

const g = globalThis as unknown as { __imprimaturSourceWorker?: ReturnType<typeof setInterval> };

/**
 * Runs the weekly queue in this process every SOURCE_CHECK_TICK_SECONDS (default one hour). Several app
 * processes may all run it: jobs are claimed atomically. Off when SOURCE_CHECKS=off.
 */
export function startSourceCheckWorker(db: Db, lookup: () => ReferenceLookup): void {
  if (g.__imprimaturSourceWorker || process.env.SOURCE_CHECKS === "off") return;
  const seconds = Math.max(10, Number(process.env.SOURCE_CHECK_TICK_SECONDS) || 3600);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runSourceCheckJobs(db, lookup());
    } catch (err) {
      console.error("[source checks] weekly run failed", err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  g.__imprimaturSourceWorker = setInterval(() => void tick(), seconds * 1000);
  g.__imprimaturSourceWorker.unref();
}
