// Scheduled publications must go out at their time even across a server restart. The schedule lives in the
// database (Article.scheduledPublishAt), so nothing is lost when the process stops; what has to be ensured
// is that something looks for due publications:
//   1. at server start (instrumentation.ts → startPublishScheduler): a first look 2 s after start publishes
//      whatever fell due while the server was down;
//   2. every PUBLISH_TICK_SECONDS (default 10) while it runs;
//   3. on every studio request that finds a publication due (the studio layout calls runDueCheckIfNeeded), so
//      staff never see a scheduled article still waiting after its time even if the timer is late.
// Overdue pages (lib/publishing/apply-overdue-policy.ts) move on the timer only: a due date passes at day
// granularity, so a tick within PUBLISH_TICK_SECONDS is soon enough, and the studio's request path need not read
// the policy settings and count articles on every page. Saving the policy asks for a tick at once.
// Each look calls the route handler /api/internal/publish-due over loopback rather than publishing from the
// timer directly: readers' pages can only be refreshed (revalidateTag) inside a request. The handler is
// protected by a per-process secret; publishing itself (lib/publishing/publish-due.ts) is idempotent and
// re-checks the gate, so overlapping looks are harmless.
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { hasDuePublications } from "../publishing/publish-due";

const g = globalThis as unknown as {
  __imprimaturTickSecret?: string;
  __imprimaturScheduler?: ReturnType<typeof setInterval>;
  __imprimaturTickWarned?: boolean;
};

/** The secret the loopback call carries; IMPRIMATUR_TICK_SECRET lets an outside cron call the route too. */
export function tickSecret(): string {
  g.__imprimaturTickSecret ??= process.env.IMPRIMATUR_TICK_SECRET || randomBytes(32).toString("hex");
  return g.__imprimaturTickSecret;
}

export const TICK_HEADER = "x-imprimatur-tick";

/** Asks this server to publish what is due. Never throws. */
export async function tick(): Promise<void> {
  const port = process.env.PORT; // set by `next start` / `next dev` once the server listens
  if (!port) return;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/internal/publish-due`, {
      method: "POST",
      headers: { [TICK_HEADER]: tickSecret() },
      signal: AbortSignal.timeout(30_000),
      cache: "no-store",
    });
    if (!res.ok && !g.__imprimaturTickWarned) {
      g.__imprimaturTickWarned = true;
      console.error(`[scheduler] publish-due answered ${res.status}`);
    }
  } catch (err) {
    if (!g.__imprimaturTickWarned) {
      g.__imprimaturTickWarned = true;
      console.error("[scheduler] could not reach publish-due", err instanceof Error ? err.message : err);
    }
  }
}

export function startPublishScheduler(): void {
  if (g.__imprimaturScheduler) return;
  tickSecret();
  const seconds = Math.max(1, Number(process.env.PUBLISH_TICK_SECONDS) || 10);
  setTimeout(() => void tick(), 2_000).unref();
  g.__imprimaturScheduler = setInterval(() => void tick(), seconds * 1000);
  g.__imprimaturScheduler.unref();
}

/** For the studio request path: one indexed count; the loopback call only when a publication is due. */
export async function runDueCheckIfNeeded(): Promise<void> {
  try {
    if (await hasDuePublications(db)) await tick();
  } catch (err) {
    console.error("[scheduler] due check failed", err);
  }
}
