// The rebuild job queue (RebuildJob rows): derived data that a migration emptied or a restore left short is
// rebuilt in the background by one app process at a time, with its progress stored on the row (the admin
// dashboard and the log show it). Several processes may all try: a job is queued at most once per kind while
// open (the unique openKind column), and claimed by one conditional UPDATE (compare-and-set on status and
// heartbeat), as SourceCheckJob and MediaFile jobs are. A RUNNING job whose heartbeat is older than
// STALE_HEARTBEAT_MS (its process died) is taken over; rebuilds are resumable, so the new owner continues.
import type { Db, DbTx } from "../db/client";

export const REBUILD_KINDS = ["PLAGIARISM_INDEX", "SEARCH_INDEX"] as const;
export type RebuildKind = (typeof REBUILD_KINDS)[number];
export const REBUILD_LABELS: Record<RebuildKind, string> = {
  PLAGIARISM_INDEX: "Plagiarism index (exact fingerprints and sentence sketches)",
  SEARCH_INDEX: "Site search index",
};

export const STALE_HEARTBEAT_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 3;

export type RebuildJobRow = NonNullable<Awaited<ReturnType<Db["rebuildJob"]["findFirst"]>>>;

/** The open (PENDING or RUNNING) job of a kind, or null. */
export function openRebuildJob(db: DbTx, kind: RebuildKind): Promise<RebuildJobRow | null> {
  return db.rebuildJob.findUnique({ where: { openKind: kind } });
}

/** Queues a rebuild unless one of that kind is already open; returns the open job either way. */
export async function queueRebuild(db: DbTx, kind: RebuildKind, reason: string, total = 0): Promise<RebuildJobRow> {
  const open = await openRebuildJob(db, kind);
  if (open) return open;
  try {
    return await db.rebuildJob.create({ data: { kind, openKind: kind, reason, total } });
  } catch (err) {
    // Another process queued it between our read and our insert (unique openKind): theirs is the job.
    const queued = await openRebuildJob(db, kind);
    if (queued) return queued;
    throw err;
  }
}

/** Claims the oldest runnable job for `worker`; null when there is none or another worker won the race. */
export async function claimRebuildJob(db: DbTx, worker: string, now = new Date()): Promise<RebuildJobRow | null> {
  const stale = new Date(now.getTime() - STALE_HEARTBEAT_MS);
  const runnable = {
    attempts: { lt: MAX_ATTEMPTS },
    OR: [{ status: "PENDING" }, { status: "RUNNING", heartbeatAt: { lt: stale } }],
  };
  for (let tries = 0; tries < 3; tries++) {
    const candidate = await db.rebuildJob.findFirst({ where: runnable, orderBy: { createdAt: "asc" } });
    if (!candidate) return null;
    const { count } = await db.rebuildJob.updateMany({
      where: { id: candidate.id, ...runnable },
      data: {
        status: "RUNNING",
        claimedBy: worker,
        heartbeatAt: now,
        startedAt: candidate.startedAt ?? now,
        attempts: { increment: 1 },
      },
    });
    if (count === 1) return db.rebuildJob.findUniqueOrThrow({ where: { id: candidate.id } });
  }
  return null;
}

/** Stores progress and renews the claim; false when the job is no longer this worker's (taken over). */
export async function recordRebuildProgress(db: DbTx, id: string, worker: string, done: number, total: number) {
  const { count } = await db.rebuildJob.updateMany({
    where: { id, claimedBy: worker, status: "RUNNING" },
    data: { done, total, heartbeatAt: new Date() },
  });
  return count === 1;
}

/** Ends a job: DONE, or FAILED with the error (a later start queues a new one if the index is still short). */
export async function finishRebuildJob(db: DbTx, id: string, worker: string, error?: string): Promise<void> {
  await db.rebuildJob.updateMany({
    where: { id, claimedBy: worker },
    data: {
      status: error ? "FAILED" : "DONE",
      openKind: null,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
      error: (error ?? "").slice(0, 2000),
    },
  });
}

/** Jobs whose claims went stale too often are marked FAILED, so the dashboard stops showing them as running. */
export async function failExhaustedRebuilds(db: DbTx, now = new Date()): Promise<void> {
  await db.rebuildJob.updateMany({
    where: {
      status: "RUNNING",
      attempts: { gte: MAX_ATTEMPTS },
      heartbeatAt: { lt: new Date(now.getTime() - STALE_HEARTBEAT_MS) },
    },
    data: { status: "FAILED", openKind: null, finishedAt: now, error: "Did not finish after several attempts." },
  });
}

/** For the dashboard: open jobs first, then the most recent ones that ended. */
export async function recentRebuildJobs(db: DbTx, take = 5): Promise<RebuildJobRow[]> {
  const [open, ended] = await Promise.all([
    db.rebuildJob.findMany({ where: { openKind: { not: null } }, orderBy: { createdAt: "asc" } }),
    db.rebuildJob.findMany({ where: { openKind: null }, orderBy: { createdAt: "desc" }, take }),
  ]);
  return [...open, ...ended].slice(0, Math.max(take, open.length));
}
