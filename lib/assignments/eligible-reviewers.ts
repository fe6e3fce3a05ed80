// Who may be asked to review an article: active reviewers with a verified, unexpired credential that lists
// the article's language (approving needs it: lib/workflow's "reviews-language" rule), who never wrote or
// edited any revision of it and are not its authors (nobody is assigned text they wrote). With their
// specialties and current load (open assignments), so the editor and the auto-assign rule can choose.
import type { DbTx } from "../db/client";
import { parseLanguages } from "../translations/locales";

export interface EligibleReviewer {
  id: string;
  name: string;
  specialtyIds: string[];
  specialtyNames: string[];
  openAssignments: number;
}

export async function eligibleReviewers(db: DbTx, articleId: string, now = new Date()): Promise<EligibleReviewer[]> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { locale: true } });
  if (!article) return [];
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
        select: { languages: true, specialties: { select: { specialty: { select: { id: true, name: true } } } } },
      },
      _count: { select: { reviewAssignments: { where: { completedAt: null } } } },
    },
    take: 1000,
  });
  // Languages are a JSON list on the credential (SQLite has no arrays): filtered here, on the valid ones only.
  const reviewsIn = (c: { languages: string }) => parseLanguages(c.languages).includes(article.locale);
  return reviewers.flatMap((r) => {
    const valid = r.credentials.filter(reviewsIn);
    if (!valid.length) return [];
    const specialties = new Map<string, string>();
    for (const c of valid) for (const s of c.specialties) specialties.set(s.specialty.id, s.specialty.name);
    return [
      {
        id: r.id,
        name: r.name,
        specialtyIds: [...specialties.keys()],
        specialtyNames: [...specialties.values()].sort(),
        openAssignments: r._count.reviewAssignments,
      },
    ];
  });
}

/** The auto-assign rule: the least-loaded eligible reviewer of the article's clinical area (ties: by name). */
export function leastLoadedInArea(reviewers: readonly EligibleReviewer[], areaId: string | null) {
  if (!areaId) return null;
  const inArea = reviewers.filter((r) => r.specialtyIds.includes(areaId));
  inArea.sort((a, b) => a.openAssignments - b.openAssignments || a.name.localeCompare(b.name));
  return inArea[0] ?? null;
}
