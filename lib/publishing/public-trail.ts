// What readers are shown about an article's history, read only from the records: first published, last
// modified (when the live revision was published), last reviewed (that revision's approval, with the
// credential snapshot taken at sign-off) and the update history (one entry per publication).
// For the public article page's update history (components/article/update-history.tsx) and the publish screen.
import type { DbTx } from "../db/client";
import { publicCredential } from "../credentials/credential-standing";

export interface PublicReviewer {
  userId: string;
  displayName: string;
  postNominals: string;
  specialty: string;
}

export interface UpdateHistoryEntry {
  publicationId: string;
  revisionNumber: number;
  publishedAt: Date;
  changeSummary: string;
  reviewer: PublicReviewer | null;
  reviewedAt: Date | null;
  /** Set when this version was later taken down (not merely superseded). */
  unpublishedAt: Date | null;
}

export interface PublicTrail {
  firstPublishedAt: Date | null;
  lastModifiedAt: Date | null;
  lastReviewedAt: Date | null;
  reviewer: PublicReviewer | null;
  history: UpdateHistoryEntry[];
}

/** The reviewer as the approval's credential snapshot names them; none when it names nobody. */
function toPublic(reviewerId: string, snapshotJson: string): PublicReviewer | null {
  const credential = publicCredential(snapshotJson);
  return credential ? { userId: reviewerId, ...credential } : null;
}

/** The approval that a published revision went live on: the latest not-voided approval of that revision. */
async function approvalsByRevision(db: DbTx, revisionIds: string[]) {
  const reviews = await db.review.findMany({
    where: { revisionId: { in: revisionIds }, decision: "APPROVED", voidedAt: null },
    orderBy: { createdAt: "desc" },
  });
  const map = new Map<string, { reviewer: PublicReviewer | null; at: Date }>();
  for (const r of reviews) {
    if (map.has(r.revisionId)) continue;
    map.set(r.revisionId, {
      reviewer: toPublic(r.reviewerId, r.credentialSnapshot),
      at: r.createdAt,
    });
  }
  return map;
}

export async function getPublicTrail(db: DbTx, articleId: string): Promise<PublicTrail> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { liveRevisionId: true, firstPublishedAt: true },
  });
  const pubs = await db.publication.findMany({
    where: { articleId },
    orderBy: { publishedAt: "desc" },
    include: { revision: { select: { number: true } } },
  });
  const approvals = await approvalsByRevision(db, [...new Set(pubs.map((p) => p.revisionId))]);
  const history = pubs.map((p) => {
    const a = approvals.get(p.revisionId);
    return {
      publicationId: p.id,
      revisionNumber: p.revision.number,
      publishedAt: p.publishedAt,
      changeSummary: p.changeSummary,
      reviewer: a?.reviewer ?? null,
      reviewedAt: a?.at ?? null,
      unpublishedAt: p.unpublishedAt,
    };
  });
  const live = article?.liveRevisionId
    ? pubs.find((p) => p.revisionId === article.liveRevisionId && !p.unpublishedAt)
    : undefined;
  const liveApproval = article?.liveRevisionId ? approvals.get(article.liveRevisionId) : undefined;
  return {
    firstPublishedAt: article?.firstPublishedAt ?? null,
    lastModifiedAt: live?.publishedAt ?? null,
    lastReviewedAt: liveApproval?.at ?? null,
    reviewer: liveApproval?.reviewer ?? null,
    history,
  };
}
