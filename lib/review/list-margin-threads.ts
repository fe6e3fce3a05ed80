// The open review threads as the writer's editor shows them in its margin: each root comment not yet resolved,
// with its replies, what the viewer may do with it, and the signature of the block it was written on (its text,
// or its image) so the editor can find that block in the current text (lib/review/anchor-comments.ts).
// Replying and resolving: answer-margin-thread.ts.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { loadArticleAccess } from "../articles/article-access";
import { parseDocument } from "../content/document-schema";
import { blockSignature } from "./anchor-comments";

export type MarginThread = {
  id: string;
  revisionNumber: number;
  blockIndex: number | null;
  /** The commented block's text (or image) as the reviewer read it. */
  signature: string;
  quote: string;
  body: string;
  authorName: string;
  createdAt: string;
  replies: Array<{ id: string; authorName: string; body: string; createdAt: string }>;
  may: { reply: boolean; resolve: boolean };
};

export async function listMarginThreads(db: DbTx, actor: Actor, articleId: string): Promise<MarginThread[]> {
  const access = await loadArticleAccess(db, actor, articleId);
  if (!access.may.read) throw new AppError("NOT_FOUND", "This article does not exist or you may not see it.");
  const roots = await db.reviewComment.findMany({
    where: { articleId, parentId: null, resolvedAt: null },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { name: true } }, revision: { select: { number: true } } },
  });
  if (!roots.length) return [];
  const [replies, revisions] = await Promise.all([
    db.reviewComment.findMany({
      where: { parentId: { in: roots.map((r) => r.id) } },
      orderBy: { createdAt: "asc" },
      include: { author: { select: { name: true } } },
    }),
    db.revision.findMany({
      where: { id: { in: [...new Set(roots.map((r) => r.revisionId))] } },
      select: { id: true, bodyJson: true },
    }),
  ]);
  const blocks = new Map(revisions.map((r) => [r.id, parseDocument(r.bodyJson).content]));
  return roots
    .map((r) => {
      const block = r.blockIndex === null ? undefined : blocks.get(r.revisionId)?.[r.blockIndex];
      return {
        id: r.id,
        revisionNumber: r.revision.number,
        blockIndex: block ? r.blockIndex : null,
        signature: block ? blockSignature(block) : "",
        quote: r.quote,
        body: r.body,
        authorName: r.author.name,
        createdAt: r.createdAt.toISOString(),
        replies: replies
          .filter((x) => x.parentId === r.id)
          .map((x) => ({ id: x.id, authorName: x.author.name, body: x.body, createdAt: x.createdAt.toISOString() })),
        may: access.onComment(r),
      };
    })
    .sort((a, b) => (a.blockIndex ?? -1) - (b.blockIndex ?? -1) || a.createdAt.localeCompare(b.createdAt));
}
