// An admin removes a webhook endpoint (its deliveries go with it), audited.
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { findWebhookEndpoint, type WebhookEndpointIdInput } from "./webhook-endpoint-id";

export async function deleteWebhookEndpoint(db: Db, actor: Actor, data: WebhookEndpointIdInput) {
  assertCan(actor, "webhooks.manage", "remove webhook endpoints");
  return db.$transaction(async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, data.endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "webhook.endpoint_deleted",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url },
    });
    return { deleted: true };
  });
}
