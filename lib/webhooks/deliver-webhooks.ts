// Sends due webhook deliveries, after the transactions that queued them have committed. Safe with several
// server processes: a batch is claimed inside a write transaction (lockedUntil/lockedBy set only where no live
// claim exists), so each delivery is sent by one process; a claim that outlives a crashed process expires.
// Each attempt is logged with the receiver's answer. A 2xx answer completes the delivery; anything else is
// retried with exponential backoff (BACKOFF_SECONDS) and given up after the last one.
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { Db } from "../db/client";
import { checkEndpointUrl, privateAddressesAllowed } from "./endpoint-url";
import { createSender, type Sender } from "./send-request";

/** Wait before attempt 2, 3, …: 30 s, 2 min, 10 min, 1 h, 6 h. Six attempts in all. */
export const BACKOFF_SECONDS = [30, 120, 600, 3600, 21600];
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;
const CLAIM_SECONDS = 120;
const BATCH = 20;

export interface DeliveryRun {
  sent: number;
  succeeded: number;
  failed: number;
}

export async function deliverDueWebhooks(
  db: Db,
  options: { now?: Date; sender?: Sender; allowPrivate?: boolean; workerId?: string } = {},
): Promise<DeliveryRun> {
  const now = options.now ?? new Date();
  const allowPrivate = options.allowPrivate ?? privateAddressesAllowed();
  const sender = options.sender ?? createSender({ allowPrivate });
  const workerId = options.workerId ?? randomUUID();
  const claimed = await claimDue(db, now, workerId);
  const run: DeliveryRun = { sent: 0, succeeded: 0, failed: 0 };
  for (const delivery of claimed) {
    const attempt = delivery.attempts + 1;
    const check = checkEndpointUrl(delivery.endpoint.url, allowPrivate);
    const result = check.ok
      ? await sender(
          check.url,
          delivery.payloadJson,
          signedHeaders(delivery.id, delivery.endpoint.secret, delivery.payloadJson),
        )
      : { statusCode: null, error: check.message, durationMs: 0 };
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const finalFailure = !ok && attempt >= MAX_ATTEMPTS;
    await db.$transaction([
      db.webhookAttempt.create({
        data: {
          deliveryId: delivery.id,
          attempt,
          at: now,
          statusCode: result.statusCode,
          error: result.error ?? (ok ? null : `The receiver answered ${result.statusCode}.`),
          durationMs: result.durationMs,
        },
      }),
      db.webhookDelivery.update({
        where: { id: delivery.id },
        data: {
          attempts: attempt,
          status: ok ? "SUCCEEDED" : finalFailure ? "FAILED" : "PENDING",
          deliveredAt: ok ? new Date() : null,
          nextAttemptAt: ok || finalFailure ? now : new Date(now.getTime() + BACKOFF_SECONDS[attempt - 1] * 1000),
          lockedUntil: null,
          lockedBy: null,
        },
      }),
    ]);
    run.sent += 1;
    if (ok) run.succeeded += 1;
    else run.failed += 1;
  }
  return run;
}

/** Standard Webhooks headers: webhook-id (the delivery id), webhook-timestamp, webhook-signature (v1,…). */
export function signedHeaders(msgId: string, secret: string, payload: string, at: Date = new Date()) {
  return {
    "Content-Type": "application/json",
    "User-Agent": "Imprimatur-Webhooks/1",
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(msgId, at, payload),
  };
}

async function claimDue(db: Db, now: Date, workerId: string) {
  const lockedUntil = new Date(now.getTime() + CLAIM_SECONDS * 1000);
  return db.$transaction(async (tx) => {
    const due = await tx.webhookDelivery.findMany({
      where: {
        status: "PENDING",
        nextAttemptAt: { lte: now },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
        endpoint: { active: true },
      },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (due.length === 0) return [];
    await tx.webhookDelivery.updateMany({
      where: { id: { in: due.map((d) => d.id) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil, lockedBy: workerId },
    });
    return tx.webhookDelivery.findMany({
      where: { lockedBy: workerId, lockedUntil },
      include: { endpoint: { select: { url: true, secret: true } } },
    });
  });
}
