// Runs webhook deliveries in the server process: a first look shortly after start (deliveries queued while it
// was down), then every WEBHOOK_TICK_SECONDS (default 5). Runs never overlap within a process, and the claim
// in deliver-webhooks.ts keeps processes from sending the same delivery.
import type { Db } from "../db/client";
import { deliverDueWebhooks } from "./deliver-webhooks";

const g = globalThis as unknown as { __imprimaturWebhookWorker?: { timer: NodeJS.Timeout; kick: () => void } };

export function startWebhookWorker(db: Db): void {
  if (g.__imprimaturWebhookWorker) return;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const result = await deliverDueWebhooks(db);
        if (result.sent > 0) again ||= result.sent >= 20;
      } while (again);
    } catch (err) {
      console.error("[webhooks] delivery run failed", err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const seconds = Math.max(1, Number(process.env.WEBHOOK_TICK_SECONDS) || 5);
  setTimeout(() => void run(), 3_000).unref();
  const timer = setInterval(() => void run(), seconds * 1000);
  timer.unref();
  g.__imprimaturWebhookWorker = { timer, kick: () => void run() };
}

/** Sends what is due now instead of at the next tick (after a commit that queued something). */
export function kickWebhookWorker(): void {
  g.__imprimaturWebhookWorker?.kick();
}
