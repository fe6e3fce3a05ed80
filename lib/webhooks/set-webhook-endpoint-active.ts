// An admin pauses or resumes a webhook endpoint (a paused endpoint gets no new deliveries), audited.
import { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { findWebhookEndpoint, webhookEndpointIdSchema } from "./webhook-endpoint-id";

export const setWebhookEndpointActiveSchema = webhookEndpointIdSchema.extend({
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetWebhookEndpointActiveInput = z.output<typeof setWebhookEndpointActiveSchema>;

export async function setWebhookEndpointActive(db: Db, actor: Actor, data: SetWebhookEndpointActiveInput) {
  assertCan(actor, "webhooks.manage", "pause or resume webhook endpoints");
  return db.$transaction(async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, data.endpointId);
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { active: data.active } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: data.active ? "webhook.endpoint_resumed" : "webhook.endpoint_paused",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url },
    });
    return { active: data.active };
  });
}
