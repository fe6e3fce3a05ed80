// Published articles, newest change first: the home page, sitemap, RSS and the "recent"/"related" boxes.
// One query with a fixed shape (no per-article lookups).
import type { DbTx } from "../db/client";
import { publicCredential } from "../credentials/credential-standing";
import { liveArticleWhere, standingApprovalWhere } from "./live-filter";
import type { PublicArticleSummary } from "./types";

export async function listPublishedArticles(
  db: DbTx,
  options: { limit?: number; locale?: string } = {},
): Promise<PublicArticleSummary[]> {
  const rows = await db.article.findMany({
    where: options.locale ? { ...liveArticleWhere, locale: options.locale } : liveArticleWhere,
    orderBy: [{ lastPublishedAt: "desc" }, { slug: "asc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 50_000),
    select: {
      slug: true,
      locale: true,
      conditionName: true,
      firstPublishedAt: true,
      lastPublishedAt: true,
      liveRevision: {
        select: {
          title: true,
          summary: true,
          conditionName: true,
          reviews: {
            where: standingApprovalWhere,
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { reviewerId: true, credentialSnapshot: true },
          },
        },
      },
    },
  });
  const out: PublicArticleSummary[] = [];
  for (const row of rows) {
    const rev = row.liveRevision;
    const last = row.lastPublishedAt ?? row.firstPublishedAt;
    if (!rev || !last) continue;
    const snapshot = publicCredential(rev.reviews[0]?.credentialSnapshot);
    out.push({
      slug: row.slug,
      locale: row.locale,
      title: rev.title,
      summary: rev.summary,
      conditionName: rev.conditionName || row.conditionName,
      firstPublishedAt: (row.firstPublishedAt ?? last).toISOString(),
      lastModifiedAt: last.toISOString(),
      reviewerName: snapshot?.displayName ?? null,
      reviewerId: snapshot ? rev.reviews[0].reviewerId : null,
    });
  }
  return out;
}
