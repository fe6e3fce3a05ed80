// What readers are shown about an article's history, read only from the records: first published, last
// modified (when the live revision was published), last reviewed (that revision's approval, with the
// credential snapshot taken at sign-off) and the update history (one entry per publication).
// For the public article page (owned by the public pages) and the reviewer profile pages.
import type { DbTx } from "../db/client";
import { parseCredentialSnapshot, type CredentialSnapshot } from "../credentials/credential-standing";

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

function toPublic(reviewerId: string, s: CredentialSnapshot | null, fallbackName: string): PublicReviewer {
  return { userId: reviewerId, displayName: s?.displayName ?? fallbackName, postNominals: s?.postNominals ?? "", specialty: s?.specialty ?? "" };
}

/** The approval that a published revision went live on: the latest not-voided approval of that revision. */
async function approvalsByRevision(db: DbTx, revisionIds: string[]) {
  const reviews = await db.review.findMany({
    where: { revisionId: { in: revisionIds }, decision: "APPROVED", voidedAt: null },
    orderBy: { createdAt: "desc" },
    include: { reviewer: { select: { name: true } } },
  });
  const map = new Map<string, { reviewer: PublicReviewer; at: Date }>();
  for (const r of reviews) {
    if (map.has(r.revisionId)) continue;
    map.set(r.revisionId, { reviewer: toPublic(r.reviewerId, parseCredentialSnapshot(r.credentialSnapshot), r.reviewer.name), at: r.createdAt });
  }
  return map;
}

export async function getPublicTrail(db: DbTx, articleId: string): Promise<PublicTrail> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { liveRevisionId: true, firstPublishedAt: true } });
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
  const live = article?.liveRevisionId ? pubs.find((p) => p.revisionId === article.liveRevisionId && !p.unpublishedAt) : undefined;
  const liveApproval = article?.liveRevisionId ? approvals.get(article.liveRevisionId) : undefined;
  return {
    firstPublishedAt: article?.firstPublishedAt ?? null,
    lastModifiedAt: live?.publishedAt ?? null,
    lastReviewedAt: liveApproval?.at ?? null,
    reviewer: liveApproval?.reviewer ?? null,
    history,
  };
}

export interface ReviewerProfile {
  userId: string;
  name: string;
  bio: string;
  /** From the reviewer's current verified credential; null if none is verified and unexpired. */
  credential: { displayName: string; postNominals: string; specialty: string; issuingBody: string; jurisdiction: string; verifiedAt: Date | null } | null;
  /** Live articles whose live revision this reviewer approved. */
  articlesReviewed: Array<{ articleId: string; slug: string; title: string; reviewedAt: Date }>;
}

/** Public profile of a medical reviewer, or null if the user is not an active reviewer. */
export async function getReviewerProfile(db: DbTx, userId: string): Promise<ReviewerProfile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, bio: true, status: true, roles: { select: { role: true } } },
  });
  if (!user || user.status !== "ACTIVE" || !user.roles.some((r) => r.role === "REVIEWER")) return null;
  const cred = await db.credential.findFirst({ where: { userId, status: "VERIFIED", expiresAt: { gt: new Date() } }, orderBy: { expiresAt: "desc" } });
  const reviews = await db.review.findMany({
    where: { reviewerId: userId, decision: "APPROVED", voidedAt: null, revision: { liveOf: { isNot: null } } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, revision: { select: { title: true, liveOf: { select: { id: true, slug: true } } } } },
  });
  const seen = new Set<string>();
  const articlesReviewed: ReviewerProfile["articlesReviewed"] = [];
  for (const r of reviews) {
    const a = r.revision.liveOf;
    if (!a || seen.has(a.id)) continue;
    seen.add(a.id);
    articlesReviewed.push({ articleId: a.id, slug: a.slug, title: r.revision.title, reviewedAt: r.createdAt });
  }
  return {
    userId: user.id,
    name: user.name,
    bio: user.bio,
    credential: cred ? { displayName: cred.displayName, postNominals: cred.postNominals, specialty: cred.specialty, issuingBody: cred.issuingBody, jurisdiction: cred.jurisdiction, verifiedAt: cred.verifiedAt } : null,
    articlesReviewed,
  };
}
