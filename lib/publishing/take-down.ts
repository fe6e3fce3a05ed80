// Taking the live version down, shared by unpublishing and archiving: the open Publication row of the live
// revision is closed with the reason (kept there and in the audit log).
import { z } from "zod";
import type { DbTx } from "../db/client";

export const takeDownReasonSchema = z
  .string({ error: "Give the reason." })
  .trim()
  .min(5, "Give the reason (at least 5 characters): it is kept in the audit log.")
  .max(1000, "Keep the reason under 1000 characters.");

export async function takeDown(tx: DbTx, articleId: string, liveRevisionId: string, why: string) {
  const pub = await tx.publication.findFirst({
    where: { articleId, revisionId: liveRevisionId, unpublishedAt: null },
    orderBy: { publishedAt: "desc" },
  });
  if (pub)
    await tx.publication.update({ where: { id: pub.id }, data: { unpublishedAt: new Date(), unpublishReason: why } });
}
