// What the editor's "Review assignments" panel shows: the article's review settings, its open and done
// assignments, and the reviewers who may be assigned (those of its clinical area first).
import type { DbTx } from "../db/client";
import { eligibleReviewers } from "./eligible-reviewers";
import { listSpecialties } from "./specialties";
import { localeName } from "../translations/locales";

export async function loadAssignmentPanel(db: DbTx, articleId: string, now = new Date()) {
  const [article, assignments, eligible, areas] = await Promise.all([
    db.article.findUnique({
      where: { id: articleId },
      select: { clinicalAreaId: true, requiredApprovals: true, locale: true },
    }),
    db.reviewAssignment.findMany({
      where: { articleId },
      orderBy: { assignedAt: "asc" },
      select: {
        reviewerId: true,
        dueAt: true,
        completedAt: true,
        assignedBy: { select: { name: true } },
        reviewer: { select: { name: true } },
      },
    }),
    eligibleReviewers(db, articleId, now),
    listSpecialties(db),
  ]);
  const areaId = article?.clinicalAreaId ?? null;
  const assigned = new Set(assignments.filter((a) => !a.completedAt).map((a) => a.reviewerId));
  const candidates = eligible
    .filter((r) => !assigned.has(r.id))
    .map((r) => ({ ...r, inArea: !!areaId && r.specialtyIds.includes(areaId) }))
    .sort((a, b) => Number(b.inArea) - Number(a.inArea) || a.openAssignments - b.openAssignments);
  return {
    areaId,
    requiredApprovals: article?.requiredApprovals ?? 1,
    /** "Spanish": assignable reviewers' credentials list it. */
    languageName: localeName(article?.locale ?? "en"),
    areas,
    assignments: assignments.map((a) => ({
      reviewerId: a.reviewerId,
      reviewerName: a.reviewer.name,
      assignedBy: a.assignedBy?.name ?? "the auto-assign rule",
      dueAt: a.dueAt,
      completedAt: a.completedAt,
      overdue: !a.completedAt && a.dueAt < now,
    })),
    candidates,
  };
}
