// Diff between two versions of an article: changed fields, per-block text changes (insertions and
// deletions marked with <ins>/<del>, which screen readers announce), and reference changes.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_server/session";
import { db } from "@/lib/db/client";
import { parseDocument } from "@/lib/content/document-schema";
import { parseReferencesJson, toReferenceSnapshot } from "@/lib/content/reference-snapshot";
import type { DiffableVersion } from "@/lib/revisions/diff-revisions";
import { compareVersions } from "@/lib/revisions/compare-versions";
import { ReferenceChanges, Segments } from "@/components/review/diff-view";
import { ArticleWorkspaceHeader } from "../../workspace-header";
import { parseImagesJson, type ImageSnapshot } from "@/lib/content/image-snapshot";
import { snapshotImages } from "@/lib/media/snapshot-images";
import { diffImages } from "@/lib/revisions/diff-images";
import { ImageDiffList } from "@/components/media/image-diff-list";
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

  async function version(
    ref: string | undefined,
  ): Promise<{ label: string; v: DiffableVersion; images: ImageSnapshot[] } | null> {
    if (!ref) return null;
    if (ref === "draft") {
      const body = parseDocument(state.draft.bodyJson);
      return {
        label: "the working draft",
        v: {
          title: state.draft.title,
          summary: state.draft.summary,
          conditionName: state.draft.conditionName,
          body,
          references: state.references.map(toReferenceSnapshot),
        },
        images: await snapshotImages(db, body, { requireReady: false }),
      };
    }
    const r = await db.revision.findFirst({ where: { id: ref, articleId: id } });
    if (!r) return null;
    return {
      label: `revision ${r.number}`,
      v: {
        title: r.title,
        summary: r.summary,
        conditionName: r.conditionName,
        body: parseDocument(r.bodyJson),
        references: parseReferencesJson(r.referencesJson),
      },
      images: parseImagesJson(r.imagesJson),
    };
  }

  const [a, b] = await Promise.all([version(from), version(to)]);
  const back = `/studio/articles/${id}/history`;
  if (!a || !b) {
    return (
      <>
        <h1>Compare versions</h1>
        <p className="notice error" role="alert">
          Choose two versions of this article to compare.
        </p>
        <Link href={back}>Back to the history</Link>
      </>
    );
  }
  // Citations and references as the article's citation style writes them, never as internal keys.
  const compared = compareVersions(a.v, b.v, state.article.citationStyle);
  const { diff } = compared;
  const imageChanges = diffImages(a.images, b.images);
  const unchanged =
    !diff.fields.length &&
    !diff.references.length &&
    !imageChanges.length &&
    diff.blocks.every((x) => x.kind === "equal");
  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={id} current="history" />
      <div className="article-header">
        <h2>
          Changes from {a.label} to {b.label}
        </h2>
        <p className="diff-legend">
          <ins>Added text</ins> <del>Removed text</del> — {diff.stats.changed} changed, {diff.stats.added} added and{" "}
          {diff.stats.removed} removed blocks; {diff.stats.referencesChanged} reference change
          {diff.stats.referencesChanged === 1 ? "" : "s"}.
        </p>
      </div>
      {unchanged && <p className="notice info">These two versions have the same content.</p>}
      {diff.fields.length > 0 && (
        <section className="panel" aria-labelledby="fields-heading">
          <h2 id="fields-heading">Title, summary and condition</h2>
          <dl className="diff-fields">
            {diff.fields.map((f) => (
              <div key={f.field}>
                <dt>{f.field === "conditionName" ? "Condition name" : f.field[0].toUpperCase() + f.field.slice(1)}</dt>
                <dd>
                  <Segments segments={f.segments} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section className="panel" aria-labelledby="body-heading">
        <h2 id="body-heading">Text</h2>
        <ol className="diff-blocks" data-testid="diff-blocks">
          {diff.blocks.map((blk, i) => (
            <li key={i} className={`diff-block diff-${blk.kind}`} data-kind={blk.kind}>
              <span className="diff-kind">
                {blk.kind === "equal"
                  ? ""
                  : blk.kind === "changed"
                    ? "Changed "
                    : blk.kind === "added"
                      ? "Added "
                      : "Removed "}
                {blk.blockType}
              </span>
              <div className="diff-text">
                {blk.kind === "changed" ? (
                  <Segments segments={blk.segments} />
                ) : blk.kind === "added" ? (
                  <ins>{blk.text}</ins>
                ) : blk.kind === "removed" ? (
                  <del>{blk.text}</del>
                ) : (
                  blk.text
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>
      <section className="panel" aria-labelledby="imgdiff-heading">
        <h2 id="imgdiff-heading">Images</h2>
        <ImageDiffList changes={imageChanges} />
      </section>
      <section className="panel" aria-labelledby="refdiff-heading">
        <h2 id="refdiff-heading">References</h2>
        {compared.references.length === 0 ? (
          <p className="empty">No reference changes.</p>
        ) : (
          <ReferenceChanges changes={compared.references} />
        )}
      </section>
      <p>
        <Link href={back}>Back to the history</Link>
      </p>
    </>
  );
}
