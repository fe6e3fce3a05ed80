// Names one webhook endpoint in an admin's request.
import { z } from "zod";

/** Names one endpoint (removing it, sending it a test event). */
export const webhookEndpointIdSchema = z.object({ endpointId: z.string().min(1) });
export type WebhookEndpointIdInput = z.output<typeof webhookEndpointIdSchema>;
