// An admin removes a webhook endpoint (its deliveries go with it), audited.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import type { WebhookEndpointIdInput } from "./webhook-endpoint-id";

export async function deleteWebhookEndpoint(db: Db, actor: Actor, data: WebhookEndpointIdInput) {
  assertCan(actor, "webhooks.manage", "remove webhook endpoints");
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: data.endpointId } });
    if (!endpoint) throw new AppError("NOT_FOUND", "That webhook endpoint no longer exists.");
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
