// For the publish gate: readers' reports of "inaccurate" or "outdated" on the article's live revision that no
// editor has resolved or dismissed yet. While any exist, the next publish is held (PRODUCT.md, publish gate).
import type { DbTx } from "../db/client";
import { BLOCKING_REASONS, OPEN_STATUSES } from "./reasons";

export interface OpenBlockingReport {
  id: string;
  reason: string;
  status: string;
  revisionId: string;
  createdAt: Date;
  /** First 200 characters of the reader's comment (plain text; escape when shown). */
  excerpt: string;
}

export async function openBlockingReports(db: DbTx, articleId: string): Promise<OpenBlockingReport[]> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { liveRevisionId: true } });
  if (!article?.liveRevisionId) return [];
  const rows = await db.feedback.findMany({
    where: {
      articleId,
      revisionId: article.liveRevisionId,
      helpful: false,
      reason: { in: [...BLOCKING_REASONS] },
      status: { in: [...OPEN_STATUSES] },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, reason: true, status: true, revisionId: true, createdAt: true, comment: true },
  });
  return rows.map(({ comment, reason, ...r }) => ({ ...r, reason: reason ?? "", excerpt: comment.slice(0, 200) }));
}
