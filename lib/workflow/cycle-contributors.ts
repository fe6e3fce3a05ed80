// Who wrote or edited the text under review in this cycle: the contributors of every revision after the
// last one that was independently approved or went live, up to the current one. Separation of duties
// uses this set, not only the current revision's contributors: freezeRevision records those who changed
// the text since the previous freeze, so someone who edited revision 1 (changes requested) or an unsubmitted
// checkpoint would otherwise be absent from revision 2's list, though their words are still in it.
import type { DbTx } from "../db/client";

export async function cycleContributorIds(db: DbTx, articleId: string, currentRevisionId: string): Promise<string[]> {
  const current = await db.revision.findUnique({ where: { id: currentRevisionId }, select: { number: true } });
  if (!current) return [];
  const baseline = await db.revision.findFirst({
    where: {
      articleId,
      number: { lt: current.number },
      OR: [{ publications: { some: {} } }, { reviews: { some: { decision: "APPROVED", voidedAt: null } } }],
    },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const rows = await db.revisionContributor.findMany({
    where: { revision: { articleId, number: { gt: baseline?.number ?? 0, lte: current.number } } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/** Whether a revision was ever submitted for review (rather than saved as a checkpoint by the editor). */
export async function wasSubmitted(db: DbTx, articleId: string, revisionId: string): Promise<boolean> {
  const n = await db.auditEvent.count({
    where: {
      entityType: "Article",
      entityId: articleId,
      action: "article.submitted",
      dataJson: { contains: `"revisionId":"${revisionId}"` },
    },
  });
  return n > 0;
}
