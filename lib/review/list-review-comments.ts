// The review screen's comment threads.
import type { DbTx } from "../db/client";

/** All threads of an article, newest revision first, replies in order. */
export async function listReviewComments(db: DbTx, articleId: string) {
  const rows = await db.reviewComment.findMany({
    where: { articleId },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true } }, revision: { select: { number: true } } },
  });
  const roots = rows.filter((r) => !r.parentId);
  return roots
    .map((r) => ({ ...r, replies: rows.filter((x) => x.parentId === r.id) }))
    .sort(
      (a, b) =>
        b.revision.number - a.revision.number ||
        (a.blockIndex ?? -1) - (b.blockIndex ?? -1) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
}
