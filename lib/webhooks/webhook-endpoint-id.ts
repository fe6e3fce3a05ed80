// Names one webhook endpoint in an admin's request, and finds it (or says it is gone).
import { z } from "zod";
import type { DbTx } from "../db/client";
import { AppError } from "../errors";

/** Names one endpoint (removing it, sending it a test event). */
export const webhookEndpointIdSchema = z.object({ endpointId: z.string().min(1) });
export type WebhookEndpointIdInput = z.output<typeof webhookEndpointIdSchema>;

/** The endpoint the request names, read in the operation's transaction; NOT_FOUND when it was removed. */
export async function findWebhookEndpoint(tx: DbTx, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) throw new AppError("NOT_FOUND", "That webhook endpoint no longer exists.");
  return endpoint;
}
