// Who may be asked to review an article: active reviewers with a verified, unexpired credential who never
// wrote or edited any revision of it and are not its authors (nobody is assigned text they wrote). With
// their specialties and current load (open assignments), so the editor and the auto-assign rule can choose.
import type { DbTx } from "../db/client";

export interface EligibleReviewer {
  id: string;
  name: string;
  specialtyIds: string[];
  specialtyNames: string[];
  openAssignments: number;
}

export async function eligibleReviewers(db: DbTx, articleId: string, now = new Date()): Promise<EligibleReviewer[]> {
  const reviewers = await db.user.findMany({
    where: {
      status: "ACTIVE",
      roles: { some: { role: "REVIEWER" } },
      credentials: { some: { status: "VERIFIED", expiresAt: { gt: now } } },
      authorships: { none: { articleId } },
      contributions: { none: { revision: { articleId } } },
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      credentials: {
        where: { status: "VERIFIED", expiresAt: { gt: now } },
        select: { specialties: { select: { specialty: { select: { id: true, name: true } } } } },
      },
      _count: { select: { reviewAssignments: { where: { completedAt: null } } } },
    },
    take: 1000,
  });
  return reviewers.map((r) => {
    const specialties = new Map<string, string>();
    for (const c of r.credentials) for (const s of c.specialties) specialties.set(s.specialty.id, s.specialty.name);
    return {
      id: r.id,
      name: r.name,
      specialtyIds: [...specialties.keys()],
      specialtyNames: [...specialties.values()].sort(),
      openAssignments: r._count.reviewAssignments,
    };
  });
}

/** The auto-assign rule: the least-loaded eligible reviewer of the article's clinical area (ties: by name). */
export function leastLoadedInArea(reviewers: readonly EligibleReviewer[], areaId: string | null) {
  if (!areaId) return null;
  const inArea = reviewers.filter((r) => r.specialtyIds.includes(areaId));
  inArea.sort((a, b) => a.openAssignments - b.openAssignments || a.name.localeCompare(b.name));
  return inArea[0] ?? null;
}
