"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { action } from "@/app/_server/action";
import { createWebhookEndpoint, createWebhookEndpointSchema } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { setWebhookEndpointActive, setWebhookEndpointActiveSchema } from "@/lib/webhooks/set-webhook-endpoint-active";
import { webhookEndpointIdSchema } from "@/lib/webhooks/webhook-endpoint-id";
import { kickWebhookWorker } from "@/lib/webhooks/worker";

const PATH = "/studio/admin/webhooks";

export const createEndpointAction = action(
  { name: "createWebhookEndpoint", permission: "webhooks.manage", schema: createWebhookEndpointSchema },
  async (input, actor) => {
    const r = await createWebhookEndpoint(db, actor, input);
    revalidatePath(PATH);
    return r;
  },
);

export const setEndpointActiveAction = action(
  { name: "setWebhookEndpointActive", permission: "webhooks.manage", schema: setWebhookEndpointActiveSchema },
  async (input, actor) => {
    const r = await setWebhookEndpointActive(db, actor, input);
    revalidatePath(PATH);
    return r;
  },
);

export const deleteEndpointAction = action(
  { name: "deleteWebhookEndpoint", permission: "webhooks.manage", schema: webhookEndpointIdSchema },
  async (input, actor) => {
    const r = await deleteWebhookEndpoint(db, actor, input);
    revalidatePath(PATH);
    return r;
  },
);

export const sendTestAction = action(
  { name: "sendTestWebhook", permission: "webhooks.manage", schema: webhookEndpointIdSchema },
  async (input, actor) => {
    const r = await sendTestWebhook(db, actor, input);
    kickWebhookWorker(); // after commit: send now rather than at the next tick
    revalidatePath(PATH);
    return r;
  },
);
