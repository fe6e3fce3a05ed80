// Admins register, pause and remove webhook endpoints, and send a test event. Each change is audited in the
// same transaction; the test event is queued like any other and sent after commit.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { checkEndpointUrl, privateAddressesAllowed } from "./endpoint-url";
import { queueWebhookEvent } from "./events";

export const createWebhookEndpointSchema = z.object({
  url: z
    .string({ error: "Enter the receiver's URL." })
    .trim()
    .min(1, "Enter the receiver's URL.")
    .max(2000, "That URL is too long."),
  description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
});
export type CreateWebhookEndpointInput = z.output<typeof createWebhookEndpointSchema>;

/** Names one endpoint (removing it, sending it a test event). */
export const webhookEndpointIdSchema = z.object({ endpointId: z.string().min(1) });
export type WebhookEndpointIdInput = z.output<typeof webhookEndpointIdSchema>;

export const setWebhookEndpointActiveSchema = webhookEndpointIdSchema.extend({
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetWebhookEndpointActiveInput = z.output<typeof setWebhookEndpointActiveSchema>;

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

export async function setWebhookEndpointActive(db: Db, actor: Actor, data: SetWebhookEndpointActiveInput) {
  assertCan(actor, "webhooks.manage", "pause or resume webhook endpoints");
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: data.endpointId } });
    if (!endpoint) throw new AppError("NOT_FOUND", "That webhook endpoint no longer exists.");
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

export async function sendTestWebhook(db: Db, actor: Actor, data: WebhookEndpointIdInput) {
  assertCan(actor, "webhooks.manage", "send test events");
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: data.endpointId } });
    if (!endpoint) throw new AppError("NOT_FOUND", "That webhook endpoint no longer exists.");
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

/** The admin page's data: endpoints with their latest deliveries and every attempt of each. */
export async function listWebhookEndpoints(db: Db, options: { deliveries?: number } = {}) {
  return db.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: options.deliveries ?? 20,
        include: { attemptLog: { orderBy: { attempt: "asc" } } },
      },
    },
  });
}
