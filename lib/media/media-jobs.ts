// The variant jobs. A MediaFile row is its own job (status PENDING → RUNNING → READY | FAILED), so the queue
// lives in the database: it survives a restart, and several app processes can share it. A worker claims a
// job with one conditional UPDATE (only one claimer can match the row), and a RUNNING claim older than
// STALE_CLAIM_MS (a process that died mid-job) can be claimed again, up to MAX_ATTEMPTS.
import type { Db } from "../db/client";
import type { MediaStorage } from "./storage";
import { inProcessVariantMaker, type VariantMaker } from "./variant-maker";

export const STALE_CLAIM_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 3;

/** Claims the oldest runnable job; null when there is none (or another worker won the race). */
export async function claimMediaJob(db: Db, now = new Date()): Promise<{ id: string; sha256: string } | null> {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const runnable = {
    attempts: { lt: MAX_ATTEMPTS },
    OR: [{ status: "PENDING" }, { status: "RUNNING", claimedAt: { lt: stale } }],
  };
  for (let tries = 0; tries < 3; tries++) {
    const candidate = await db.mediaFile.findFirst({
      where: runnable,
      orderBy: { createdAt: "asc" },
      select: { id: true, sha256: true },
    });
    if (!candidate) return null;
    const { count } = await db.mediaFile.updateMany({
      where: { id: candidate.id, ...runnable },
      data: { status: "RUNNING", claimedAt: now, attempts: { increment: 1 } },
    });
    if (count === 1) return candidate;
  }
  return null;
}

/** Jobs whose claims went stale too often are marked FAILED so the UI stops waiting for them. */
async function failExhausted(db: Db, now: Date) {
  await db.mediaFile.updateMany({
    where: {
      status: "RUNNING",
      attempts: { gte: MAX_ATTEMPTS },
      claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) },
    },
    data: { status: "FAILED", error: "Processing did not finish after several attempts." },
  });
}

/** Makes one file's variants (in this process unless `make` says otherwise) and records them. */
export async function runMediaJob(
  db: Db,
  storage: MediaStorage,
  job: { id: string; sha256: string },
  make: VariantMaker = inProcessVariantMaker(storage),
) {
  try {
    const variants = await make(job.sha256);
    await db.$transaction(async (tx) => {
      await tx.mediaVariant.deleteMany({ where: { fileId: job.id } });
      // Identical renditions of two files (rare) share one stored object and one row.
      const existing = await tx.mediaVariant.findMany({
        where: { sha256: { in: variants.map((v) => v.sha256) } },
        select: { sha256: true },
      });
      const taken = new Set(existing.map((v) => v.sha256));
      const rows = [];
      for (const v of variants) {
        if (taken.has(v.sha256)) continue;
        taken.add(v.sha256);
        rows.push({ ...v, fileId: job.id });
      }
      await tx.mediaVariant.createMany({ data: rows });
      await tx.mediaFile.update({
        where: { id: job.id },
        data: { status: "READY", processedAt: new Date(), error: null, claimedAt: null },
      });
    });
    return "READY" as const;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const row = await db.mediaFile.findUnique({ where: { id: job.id }, select: { attempts: true } });
    const final = (row?.attempts ?? MAX_ATTEMPTS) >= MAX_ATTEMPTS;
    await db.mediaFile.update({
      where: { id: job.id },
      data: { status: final ? "FAILED" : "PENDING", claimedAt: null, error: message.slice(0, 500) },
    });
    return final ? ("FAILED" as const) : ("PENDING" as const);
  }
}

/** Runs jobs until none is left; returns how many ran. */
export async function drainMediaJobs(
  db: Db,
  storage: MediaStorage,
  options: { limit?: number; make?: VariantMaker } = {},
): Promise<number> {
  const limit = options.limit ?? 100;
  let ran = 0;
  const now = new Date();
  await failExhausted(db, now);
  while (ran < limit) {
    const job = await claimMediaJob(db);
    if (!job) break;
    await runMediaJob(db, storage, job, options.make);
    ran++;
  }
  return ran;
}
