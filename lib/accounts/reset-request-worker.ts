// Handles queued password reset requests in the server process (lib/accounts/password-reset.ts explains why
// they are queued): a first look shortly after start, then every RESET_TICK_SECONDS (default 2), and the mail
// of any link it issued is sent at once. On a timer rather than right after each answer, so that the work a
// known address causes does not land on the requests that follow it. Runs never overlap within a process;
// the per-row claim keeps processes from handling the same request twice.
import type { Db } from "../db/client";
import { deliverQueuedMail } from "../notifications/deliver-mail";
import { processPasswordResetRequests } from "./password-reset";

const g = globalThis as unknown as { __imprimaturResetWorker?: NodeJS.Timeout };

export function startPasswordResetWorker(db: Db): void {
  if (g.__imprimaturResetWorker) return;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { mailed } = await processPasswordResetRequests(db);
      if (mailed > 0) await deliverQueuedMail(db);
    } catch (err) {
      console.error("[password reset] run failed", err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const seconds = Math.max(1, Number(process.env.RESET_TICK_SECONDS) || 2);
  setTimeout(() => void run(), 2_000).unref();
  g.__imprimaturResetWorker = setInterval(() => void run(), seconds * 1000);
  g.__imprimaturResetWorker.unref();
}
