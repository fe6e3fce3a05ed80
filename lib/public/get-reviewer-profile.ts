// A reviewer's public profile, built only from standing approvals of revisions that are live now: the name,
// post-nominals and specialty come from the newest of those approvals' credential snapshots. A user with no
// such approval has no public profile (null → 404), so staff accounts are never listed by id.
import type { DbTx } from "../db/client";
import { publicCredential } from "../credentials/credential-standing";
import { HIDDEN_STATUSES, standingApprovalWhere } from "./live-filter";
import { isPublicId } from "./slug";
import type { PublicReviewerProfile } from "./types";
import { publicDeclaration } from "./get-writer-profile";

export async function getReviewerProfile(db: DbTx, reviewerId: string): Promise<PublicReviewerProfile | null> {
  if (!isPublicId(reviewerId)) return null;
  const approvals = await db.review.findMany({
    where: {
      reviewerId,
      ...standingApprovalWhere,
      revision: { liveOf: { is: { status: { notIn: [...HIDDEN_STATUSES] } } } },
    },
    orderBy: { createdAt: "desc" },
    select: {
      createdAt: true,
      credentialSnapshot: true,
      revision: { select: { title: true, liveOf: { select: { slug: true } } } },
    },
  });
  let identity: ReturnType<typeof publicCredential> = null;
  const articles: PublicReviewerProfile["articles"] = [];
  const seen = new Set<string>();
  for (const a of approvals) {
    const snapshot = publicCredential(a.credentialSnapshot);
    const slug = a.revision.liveOf?.slug;
    if (!snapshot || !slug || seen.has(slug)) continue;
    identity ??= snapshot;
    seen.add(slug);
    articles.push({ slug, title: a.revision.title, reviewedAt: a.createdAt.toISOString() });
  }
  if (!identity) return null;
  return { reviewerId, ...identity, articles, declaration: await publicDeclaration(db, reviewerId) };
}
