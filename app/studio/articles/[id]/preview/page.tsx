// Preview of the working copy exactly as readers will see it: the body through the same server renderer
// (lib/content/render.ts) and the same reference list component and styles as the public article page.
import type { Metadata } from "next";
import { requirePermission } from "@/app/_server/session";
import { renderDocument } from "@/lib/content/render";
import { toReferenceSnapshot } from "@/lib/content/reference-snapshot";
import { publicReferences } from "@/lib/public/references";
import { formatDocumentReferences } from "@/lib/references/format-revision-references";
import { CITATION_STYLES } from "@/lib/references/citation-styles";
import { isAppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { parseDocument } from "@/lib/content/document-schema";
import { snapshotImages } from "@/lib/media/snapshot-images";
import { ReferenceList } from "@/app/(public)/_components/reference-list";
import { ArticleWorkspaceHeader } from "../workspace-header";
import { loadArticleOr404 } from "../load";
import "@/app/(public)/public.css";
import "../../_editor/editor.css";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}/preview`);
  const state = await loadArticleOr404(actor, id);
  const snapshots = state.references.map(toReferenceSnapshot);
  let html = "";
  let renderError = "";
  try {
    const images = await snapshotImages(db, parseDocument(state.draft.bodyJson), { requireReady: false });
    html = renderDocument(state.draft.bodyJson, snapshots, images).html;
  } catch (err) {
    renderError = isAppError(err) ? err.message : "The draft could not be rendered.";
  }
  // Formatted here on each view (the studio sees drafts change); readers' pages use what publishing stored.
  const references = publicReferences(
    JSON.stringify(state.draft.bodyJson),
    JSON.stringify(snapshots),
    formatDocumentReferences(parseDocument(state.draft.bodyJson), snapshots, state.article.citationStyle),
  );
  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={id} current="preview" />
      <div className="article-header">
        <p className="notice info">
          This is the working draft as readers will see it once it is reviewed and published. References are formatted
          in the article&rsquo;s citation style: {CITATION_STYLES[state.article.citationStyle].label}.
        </p>
      </div>
      <article className="pub-article preview-article" aria-labelledby="article-title" data-testid="preview">
        <header className="pub-article-header">
          <h2 id="article-title" className="preview-title">
            {state.draft.title || "Untitled article"}
          </h2>
          {state.draft.summary ? <p className="pub-summary">{state.draft.summary}</p> : null}
        </header>
        {renderError ? (
          <p className="notice error" role="alert">
            {renderError}
          </p>
        ) : (
          <div className="pub-body" dangerouslySetInnerHTML={{ __html: html }} />
        )}
        <ReferenceList references={references} />
      </article>
    </>
  );
}
