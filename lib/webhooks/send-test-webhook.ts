// An admin sends an active endpoint a test event: queued like any other and sent after commit, audited.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { queueWebhookEvent } from "./events";
import { findWebhookEndpoint, type WebhookEndpointIdInput } from "./webhook-endpoint-id";

export async function sendTestWebhook(db: Db, actor: Actor, data: WebhookEndpointIdInput) {
  assertCan(actor, "webhooks.manage", "send test events");
  return db.$transaction(async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, data.endpointId);
    if (!endpoint.active) throw new AppError("CONFLICT", "This endpoint is paused: resume it to send a test event.");
    await queueWebhookEvent(
      tx,
      "webhook.test",
      { message: "Test event from Imprimatur.", requestedBy: actor.name },
      { endpointIds: [endpoint.id] },
    );
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "webhook.test_sent",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url },
    });
    return { queued: true };
  });
}
