// The webhooks admin page reads its endpoints here.
import type { Db } from "../db/client";

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
