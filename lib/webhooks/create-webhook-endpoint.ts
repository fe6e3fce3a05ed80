// An admin registers a webhook endpoint: the URL is checked (no private addresses unless allowed), a signing
// secret is generated, and the endpoint and its audit event are written in one transaction.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { checkEndpointUrl, privateAddressesAllowed } from "./endpoint-url";

export const createWebhookEndpointSchema = z.object({
  url: z
    .string({ error: "Enter the receiver's URL." })
    .trim()
    .min(1, "Enter the receiver's URL.")
    .max(2000, "That URL is too long."),
  description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
});
export type CreateWebhookEndpointInput = z.output<typeof createWebhookEndpointSchema>;

/** A new Standard Webhooks secret: "whsec_" + 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export async function createWebhookEndpoint(
  db: Db,
  actor: Actor,
  data: CreateWebhookEndpointInput,
  options: { allowPrivate?: boolean } = {},
) {
  assertCan(actor, "webhooks.manage", "register webhook endpoints");
  const check = checkEndpointUrl(data.url, options.allowPrivate ?? privateAddressesAllowed());
  if (!check.ok)
    throw new AppError("VALIDATION", "Please correct the webhook endpoint.", { fieldErrors: { url: [check.message] } });
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        url: check.url.toString(),
        description: data.description,
        secret: newWebhookSecret(),
        createdById: actor.id,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "webhook.endpoint_created",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url, description: endpoint.description },
    });
    return { id: endpoint.id, url: endpoint.url };
  });
}
