// The article workspace's header, on every screen of one article (edit, preview, history, review, checks,
// publish): the title, the state in words, who holds the article, the viewer's one next step with what it still
// needs (lib/workspace decides all of it), and the tabs. Sticky on wide screens, so the next step stays in view.
import Link from "next/link";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/policy";
import { HOLDER_LABELS } from "@/lib/workspace/primary-action";
import { loadWorkspace, type Workspace } from "@/lib/workspace/load-workspace";
import { ArticleTabs, type ArticleTab } from "./article-tabs";
import { WorkspaceAction } from "./workspace-action";
import { StickyHeader } from "./sticky-header";
import "./workspace.css";

function holderText(ws: Workspace): string {
  const { holder } = ws.header;
  const names = ws.holderNames;
  if (holder === "reviewer")
    return names.length
      ? `With the ${names.length === 1 ? "reviewer" : "reviewers"}: ${names.join(", ")}`
      : "With the reviewers: no one assigned yet, any eligible reviewer can take it";
  if (holder === "writer")
    return names.length
      ? `With the ${names.length === 1 ? "writer" : "writers"}: ${names.join(", ")}`
      : "With the writers";
  return `With an ${HOLDER_LABELS[holder].toLowerCase()}`;
}

export async function ArticleWorkspaceHeader({
  actor,
  articleId,
  current,
  workspace,
}: {
  actor: Actor;
  articleId: string;
  current: ArticleTab;
  /** Already loaded by the page (it may need it too); read here otherwise. */
  workspace?: Workspace;
}) {
  const ws = workspace ?? (await loadWorkspace(db, actor, articleId));
  return (
    <StickyHeader>
      <p className="ws-breadcrumbs">
        <Link href="/studio">Dashboard</Link> <span aria-hidden="true">›</span>{" "}
        <Link href="/studio/articles">Articles</Link>
      </p>
      <div className="ws-top">
        <div className="ws-identity">
          <h1 className="ws-title" data-testid="workspace-title">
            {ws.article.title || "Untitled article"}
          </h1>
          <p className="ws-state">
            <span className="badge" data-testid="article-status">
              {ws.header.statusLabel}
            </span>
            {ws.article.isLive && (
              <span className="badge ok" data-testid="live-badge">
                Live
              </span>
            )}
            <span className="ws-holder" data-testid="article-holder" data-holder={ws.header.holder}>
              {holderText(ws)}
            </span>
          </p>
        </div>
        {/* Keyed by what the server decided, so a refreshed page starts from it again. */}
        <WorkspaceAction key={JSON.stringify(ws.header)} articleId={articleId} initial={ws.header} />
      </div>
      <ArticleTabs articleId={articleId} current={current} show={ws.tabs} />
    </StickyHeader>
  );
}
