import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_server/session";
import { STATUS_LABELS } from "@/lib/studio/dashboard";
import { ArticleEditor } from "../../_editor/article-editor";
import { ArticleTabs } from "../article-tabs";
import { loadArticleOr404 } from "../load";
import { SlugField } from "./slug-field";
import { ContentCheckSlot } from "./content-check-slot";
import "../../_editor/editor.css";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}/edit`);
  const state = await loadArticleOr404(actor, id);
  return (
    <>
      <div className="article-header">
        <h1>{state.draft.title || "Untitled article"}</h1>
        <p className="article-state">
          <span className="badge">{STATUS_LABELS[state.article.status] ?? state.article.status}</span>
          {state.article.isLive && <span className="badge ok">Live</span>}
          {state.article.currentRevisionNumber !== null && <span> Latest revision: {state.article.currentRevisionNumber}</span>}
        </p>
        <ArticleTabs articleId={id} current="edit" canEdit={state.canEdit} />
      </div>
      {state.canEdit ? (
        <>
          <SlugField articleId={id} slug={state.article.slug} locked={state.article.slugLocked} />
          <ArticleEditor initial={state} contentCheckSlot={<ContentCheckSlot articleId={id} />} />
        </>
      ) : (
        <div className="notice info" role="status" data-testid="read-only">
          <p>
            You can read this draft, but only its writers and editors can change it.{" "}
            <Link href={`/studio/articles/${id}/preview`}>Read the preview</Link>.
          </p>
        </div>
      )}
    </>
  );
}
