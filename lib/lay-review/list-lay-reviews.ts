// Lay reviews as the studio and the evidence pack read them. Never the reader's address: that is only in the
// inviting editor's list of their own invitations (listLayInvites).
import type { DbTx } from "../db/client";
import { getSetting } from "../settings/settings";
import { toAudience, type Audience } from "../checks/audience";

export interface LayReviewView {
  id: string;
  revisionId: string;
  contentHash: string;
  understandable: string;
  missing: string;
  worrying: string;
  readingEase: string;
  livedExperience: boolean;
  comments: string;
  createdAt: Date;
}

const VIEW = {
  id: true,
  revisionId: true,
  contentHash: true,
  understandable: true,
  missing: true,
  worrying: true,
  readingEase: true,
  livedExperience: true,
  comments: true,
  createdAt: true,
} as const;

/** The lay reviews recorded on a revision, oldest first. */
export async function listLayReviews(db: DbTx, revisionId: string): Promise<LayReviewView[]> {
  return db.layReview.findMany({ where: { revisionId }, orderBy: { createdAt: "asc" }, select: VIEW });
}

/** The lay reviews of an article's content with this hash (any of its revisions that froze the same content). */
export async function listLayReviewsForHash(
  db: DbTx,
  articleId: string,
  contentHash: string,
): Promise<LayReviewView[]> {
  return db.layReview.findMany({
    where: { contentHash, invite: { articleId } },
    orderBy: { createdAt: "asc" },
    select: VIEW,
  });
}

/** The invitations an editor sent for an article, with the addresses: only for the editor who sent them. */
export async function listLayInvites(db: DbTx, articleId: string, invitedById: string, now: Date = new Date()) {
  const rows = await db.layReviewInvite.findMany({
    where: { articleId, invitedById },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      revisionId: true,
    },
  });
  const numbers = new Map(
    (
      await db.revision.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.revisionId))] } },
        select: { id: true, number: true },
      })
    ).map((r) => [r.id, r.number]),
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    revisionNumber: numbers.get(r.revisionId) ?? 0,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    state: r.usedAt
      ? ("answered" as const)
      : r.expiresAt.getTime() <= now.getTime()
        ? ("expired" as const)
        : ("waiting" as const),
  }));
}

export const LAY_REVIEW_POLICY_KEYS = {
  patients: "layReview.requiredPatients",
  professionals: "layReview.requiredProfessionals",
} as const satisfies Record<Audience, string>;

/** Lay reviews an article of this audience needs before publishing (admin setting per audience). */
export async function requiredLayReviews(db: DbTx, audience: string): Promise<number> {
  return Math.max(0, Math.floor(await getSetting(db, LAY_REVIEW_POLICY_KEYS[toAudience(audience)])));
}
