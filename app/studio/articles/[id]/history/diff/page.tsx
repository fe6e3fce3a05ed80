// History → Compare: two versions of an article side by side in time, drawn by the same DiffView as the review
// screen (insertions and deletions as <ins>/<del>, which screen readers announce; citations as labels and
// references as formatted entries, never as keys), with the unchanged blocks kept for context, and the images.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_server/session";
import { db } from "@/lib/db/client";
import { compareHistoryVersions } from "@/lib/revisions/compare-history-versions";
import { DiffView } from "@/components/review/diff-view";
import { ImageDiffList } from "@/components/media/image-diff-list";
import { ArticleWorkspaceHeader } from "../../workspace-header";
import { loadArticleOr404 } from "../../load";
import "../../../_editor/editor.css";

export const metadata: Metadata = { title: "Compare versions" };

export default async function DiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { id } = await params;
  const { from, to } = await searchParams;
  const actor = await requirePermission("studio.access", `/studio/articles/${id}/history`);
  const state = await loadArticleOr404(actor, id);
  const comparison = await compareHistoryVersions(db, state, from, to);
  const back = `/studio/articles/${id}/history`;
  if (!comparison) {
    return (
      <>
        <ArticleWorkspaceHeader actor={actor} articleId={id} current="history" />
        <h2>Compare versions</h2>
        <p className="notice error" role="alert">
          Choose two versions of this article to compare.
        </p>
        <Link href={back}>Back to the history</Link>
      </>
    );
  }
  const { compared, imageChanges } = comparison;
  const unchanged =
    !compared.diff.fields.length &&
    !compared.references.length &&
    !imageChanges.length &&
    compared.diff.blocks.every((x) => x.kind === "equal");
  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={id} current="history" />
      <div className="article-header">
        <h2>
          Changes from {comparison.fromLabel} to {comparison.toLabel}
        </h2>
      </div>
      {unchanged && <p className="notice info">These two versions have the same content.</p>}
      <section className="panel" aria-labelledby="body-heading">
        <h2 id="body-heading">Text and references</h2>
        <DiffView compared={compared} unchanged="show" />
      </section>
      <section className="panel" aria-labelledby="imgdiff-heading">
        <h2 id="imgdiff-heading">Images</h2>
        <ImageDiffList changes={imageChanges} />
      </section>
      <p>
        <Link href={back}>Back to the history</Link>
      </p>
    </>
  );
}
