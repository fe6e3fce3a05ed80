import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_server/session";
import { db } from "@/lib/db/client";
import { CollaborativeEditor } from "../../_editor/collaborative-editor";
import { ArticleWorkspaceHeader } from "../workspace-header";
import { loadArticleOr404 } from "../load";
import { SlugField } from "./slug-field";
import { AlternativeNamesField } from "./alternative-names-field";
import { ArticleSettingsForm } from "./article-settings-form";
import { FundingForm } from "./funding-form";
import { loadArticleFunding } from "@/lib/declarations/article-funding";
import "../../_editor/editor.css";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ restored?: string; imported?: string; needDetails?: string; linked?: string }>;
}) {
  const { id } = await params;
  const { restored, imported, needDetails, linked } = await searchParams;
  const count = (v: string | undefined) => (/^\d{1,4}$/.test(v ?? "") ? Number(v) : 0);
  const actor = await requirePermission("studio.access", `/studio/articles/${id}/edit`);
  const state = await loadArticleOr404(actor, id);
  const funding = await loadArticleFunding(db, id);
  return (
    <>
      <ArticleWorkspaceHeader actor={actor} articleId={id} current="edit" />
      {restored && (
        <p className="notice ok" role="status" data-testid="restored-notice">
          Revision {restored} is now the working draft. Submit it (the button at the top) when it is ready.
        </p>
      )}
      {imported !== undefined && (
        <p className="notice ok" role="status" data-testid="imported-notice">
          Imported with {count(imported)} reference{count(imported) === 1 ? "" : "s"}
          {count(needDetails) > 0 && <> ({count(needDetails)} marked “Needs details”)</>} and {count(linked)} citation
          marker{count(linked) === 1 ? "" : "s"} linked. Check the reference details beside the text.
        </p>
      )}
      {state.canEdit && (state.article.status === "IN_REVIEW" || state.article.status === "APPROVED") && (
        <p className="notice warn" data-testid="edit-voids-notice">
          {state.article.status === "IN_REVIEW"
            ? "This article is in review. Changing its text or references withdraws the submission; you can submit again afterwards."
            : "This article is approved. Changing its text or references voids the approval, and it must be reviewed again before publishing."}
        </p>
      )}
      {state.canEdit ? (
        <CollaborativeEditor
          initial={state}
          settings={
            <>
              <SlugField articleId={id} slug={state.article.slug} locked={state.article.slugLocked} />
              <AlternativeNamesField articleId={id} names={state.draft.alternativeNames} />
              <ArticleSettingsForm
                articleId={id}
                citationStyle={state.article.citationStyle}
                audience={state.article.audience}
                isLive={state.article.isLive}
              />
              <FundingForm articleId={id} funding={funding} />
            </>
          }
        />
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
