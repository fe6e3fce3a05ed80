// Keeps each translation's "made from" state true at the moment something goes live. Called inside the publish
// transaction (lib/publishing/publish-article.ts), so the flags commit with the publication:
//   - a source revision goes live: every translation whose working text was made from another source text is
//     marked "source changed" (sourceChangedAt, for the studio), and every live translation made from another
//     source text gets the date readers' pages announce (liveSourceUpdatedAt, "The English version was updated
//     on …", when the policy says so);
//   - a translation's revision goes live: its page's notice is cleared when that revision was made from the
//     source text now live, and set (to when that source text went live) when it was not.
// Texts are compared by content hash: republishing the same source text changes nothing.
import type { DbTx } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";

export async function trackSourceChangesOnPublish(
  tx: DbTx,
  input: { articleId: string; revisionId: string; publishedAt: Date; actorId: string },
): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: input.articleId },
    select: { translationOfId: true },
  });
  const revision = await tx.revision.findUniqueOrThrow({
    where: { id: input.revisionId },
    select: { contentHash: true, number: true, sourceContentHash: true },
  });
  if (article.translationOfId) {
    const source = await tx.article.findUniqueOrThrow({
      where: { id: article.translationOfId },
      select: { lastPublishedAt: true, liveRevision: { select: { contentHash: true } } },
    });
    const upToDate = !source.liveRevision || source.liveRevision.contentHash === revision.sourceContentHash;
    await tx.article.update({
      where: { id: input.articleId },
      data: { liveSourceUpdatedAt: upToDate ? null : (source.lastPublishedAt ?? input.publishedAt) },
    });
    return;
  }
  const translations = await tx.article.findMany({
    where: { translationOfId: input.articleId },
    select: {
      id: true,
      translationBaseHash: true,
      translationBaseRevisionId: true,
      sourceChangedAt: true,
      liveRevision: { select: { sourceContentHash: true } },
    },
  });
  for (const t of translations) {
    const draftBehind = t.translationBaseHash !== revision.contentHash;
    const liveBehind = !!t.liveRevision && t.liveRevision.sourceContentHash !== revision.contentHash;
    if (!draftBehind && !liveBehind) continue;
    await tx.article.update({
      where: { id: t.id },
      data: {
        ...(draftBehind && !t.sourceChangedAt ? { sourceChangedAt: input.publishedAt } : {}),
        ...(liveBehind ? { liveSourceUpdatedAt: input.publishedAt } : {}),
      },
    });
    await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: "translation.source_changed",
      entityType: "Article",
      entityId: t.id,
      data: {
        sourceArticleId: input.articleId,
        sourceRevisionId: input.revisionId,
        sourceRevisionNumber: revision.number,
        sourceContentHash: revision.contentHash,
        madeFromRevisionId: t.translationBaseRevisionId,
        live: !!t.liveRevision,
      },
    });
  }
}
