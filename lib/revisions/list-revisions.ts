// Revision history of an article for the studio: newest first, with author, time, change summary and who
// contributed. Reads only; callers check canReadArticle first.
import type { DbTx } from "../db/client";

export async function listRevisions(db: DbTx, articleId: string) {
  const rows = await db.revision.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      title: true,
      changeSummary: true,
      wordCount: true,
      contentHash: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      contributors: { select: { user: { select: { id: true, name: true } } } },
      liveOf: { select: { id: true } },
      currentOf: { select: { id: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    changeSummary: r.changeSummary,
    wordCount: r.wordCount,
    contentHash: r.contentHash,
    createdAt: r.createdAt,
    author: r.author,
    contributors: r.contributors.map((c) => c.user),
    isLive: !!r.liveOf,
    isCurrent: !!r.currentOf,
  }));
}
export type RevisionListItem = Awaited<ReturnType<typeof listRevisions>>[number];
