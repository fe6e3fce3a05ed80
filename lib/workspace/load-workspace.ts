// Reads what the article workspace's header shows on every article screen: the title, the state, who holds
// the article (with names where there are some), the next step for this person (lib/workspace/primary-action.ts)
// and which tabs they may open. The publish gate is evaluated only when publishing could be this person's
// next step (it reads the plagiarism report, sources and reader reports).
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { can, type Actor } from "../auth/policy";
import { loadArticleAccess } from "../articles/article-access";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { workspaceHeader, type WorkspaceHeader } from "./primary-action";

export interface Workspace {
  article: { id: string; slug: string; title: string; isLive: boolean };
  header: WorkspaceHeader;
  /** Names of the people who hold it now: the writers, or the reviewers assigned and not yet done. */
  holderNames: string[];
  tabs: { edit: boolean; publish: boolean };
}

export async function loadWorkspace(db: DbTx, actor: Actor, articleId: string): Promise<Workspace> {
  const access = await loadArticleAccess(db, actor, articleId);
  if (!access.may.read) throw new AppError("NOT_FOUND", "This article does not exist or you may not see it.");
  const row = await db.article.findUnique({
    where: { id: articleId },
    select: {
      status: true,
      currentRevision: { select: { number: true } },
      authors: { select: { user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
      assignments: { where: { completedAt: null }, select: { reviewer: { select: { name: true } } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "This article does not exist or you may not see it.");
  const mayPublish = can(actor, "article.publish");
  const gateMatters = mayPublish && (row.status === "APPROVED" || row.status === "UNPUBLISHED");
  const { ctx, article, gate, blocking } = await loadTransitionContext(db, articleId, actor, { gate: gateMatters });
  const header = workspaceHeader(actor, {
    ctx,
    blocking,
    gate,
    revisionNumber: row.currentRevision?.number ?? null,
  });
  const holderNames =
    header.holder === "writer"
      ? row.authors.map((a) => a.user.name)
      : header.holder === "reviewer"
        ? row.assignments.map((a) => a.reviewer.name)
        : [];
  return {
    article: { id: article.id, slug: article.slug, title: article.title, isLive: ctx.isLive },
    header,
    holderNames,
    tabs: { edit: access.may.edit && ctx.status !== "ARCHIVED", publish: mayPublish },
  };
}
