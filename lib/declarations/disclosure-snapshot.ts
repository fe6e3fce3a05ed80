// What the public page says about funding, interests and lay review, worked out once at publish time and
// stored on the Publication (disclosureJson), so readers' pages read one column and make no joins to
// declarations. A person's later declaration shows on their profile page, not on an article already published.
import type { DbTx } from "../db/client";
import { parseFunding, type ArticleFunding } from "./article-funding";
import { loadDeclarationsAt } from "./load-declarations";

export interface DisclosurePerson {
  userId: string;
  name: string;
  role: "writer" | "reviewer";
  /** Public profile where the person's current declaration is listed. */
  profilePath: string;
  /** No declaration in force when published. */
  undeclared: boolean;
  /** Declared interests (or a conflict on this article) when published. */
  hasInterests: boolean;
}

export interface DisclosureSnapshot {
  funding: ArticleFunding;
  people: DisclosurePerson[];
  /** Lay reviews recorded on the published content's hash, and whether any reader had lived experience. */
  layReviews: number;
  livedExperience: boolean;
}

export function writerProfilePath(userId: string): string {
  return `/writers/${userId}`;
}

export function reviewerProfilePath(userId: string): string {
  return `/reviewers/${userId}`;
}

export function parseDisclosure(json: string | null | undefined): DisclosureSnapshot | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<DisclosureSnapshot>;
    if (!v || !Array.isArray(v.people)) return null;
    return {
      funding: parseFunding(v.funding ? JSON.stringify(v.funding) : ""),
      people: v.people,
      layReviews: Number(v.layReviews) || 0,
      livedExperience: v.livedExperience === true,
    };
  } catch {
    return null;
  }
}

/** "none declared" when every person named declared no interest; otherwise readers are sent to the declarations. */
export function conflictsSummary(d: DisclosureSnapshot): "none declared" | "see declarations" {
  return d.people.some((p) => p.hasInterests || p.undeclared) ? "see declarations" : "none declared";
}

/** The snapshot for publishing `revisionId` with `reviewerIds` as its standing approvers. */
export async function buildDisclosureSnapshot(
  tx: DbTx,
  articleId: string,
  revision: { id: string; contentHash: string },
  reviewerIds: readonly string[],
  at: Date = new Date(),
): Promise<DisclosureSnapshot> {
  const [article, authors, reviewers, interests, lay] = await Promise.all([
    tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { fundingJson: true } }),
    tx.articleAuthor.findMany({
      where: { articleId },
      orderBy: { addedAt: "asc" },
      select: { user: { select: { id: true, name: true } } },
    }),
    tx.user.findMany({ where: { id: { in: [...reviewerIds] } }, select: { id: true, name: true } }),
    tx.articleInterest.findMany({ where: { articleId }, select: { userId: true } }),
    tx.layReview.findMany({
      where: { contentHash: revision.contentHash, invite: { articleId } },
      select: { livedExperience: true },
    }),
  ]);
  const named = [
    ...authors.map((a) => ({ ...a.user, role: "writer" as const })),
    ...reviewers.map((r) => ({ ...r, role: "reviewer" as const })),
  ];
  const declarations = await loadDeclarationsAt(
    tx,
    named.map((p) => p.id),
    at,
  );
  const withInterest = new Set(interests.map((i) => i.userId));
  return {
    funding: parseFunding(article.fundingJson),
    people: named.map((p) => {
      const d = declarations.get(p.id);
      return {
        userId: p.id,
        name: p.name,
        role: p.role,
        profilePath: p.role === "writer" ? writerProfilePath(p.id) : reviewerProfilePath(p.id),
        undeclared: !d,
        hasInterests: withInterest.has(p.id) || (!!d && d.kinds.length > 0),
      };
    }),
    layReviews: lay.length,
    livedExperience: lay.some((l) => l.livedExperience),
  };
}
