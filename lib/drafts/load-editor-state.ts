// Everything the studio editor page needs, in one read: the article, its working copy, its references (as
// plain JSON-safe objects) and whether this person may edit or only read.
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { loadArticleAccess } from "../articles/article-access";
import { loadDraftSnapshot, type DraftSnapshot } from "./save-draft";
import { listReferences } from "../references/manage-references";
import type { ReferenceSnapshot } from "../content/reference-snapshot";
import { toCitationStyle, type CitationStyle } from "../references/citation-styles";
import { toAudience, type Audience } from "../checks/audience";

/** A reference as the editor shows it: the snapshot fields plus the row id, with the accessed date as YYYY-MM-DD. */
export type EditorReference = Omit<ReferenceSnapshot, "accessedAt" | "needsDetails"> & {
  id: string;
  accessedAt: string | null;
  needsDetails: boolean;
  /** The source entry as an imported page showed it ("" for references added by hand). */
  importedText: string;
};

export function toEditorReference(r: {
  id: string;
  key: string;
  authors: string;
  title: string;
  containerTitle: string;
  year: number | null;
  url: string | null;
  doi: string | null;
  pmid: string | null;
  accessedAt: Date | null;
  peerReviewed: boolean;
  needsDetails?: boolean;
  importedText?: string;
}): EditorReference {
  return {
    id: r.id,
    key: r.key,
    authors: r.authors,
    title: r.title,
    containerTitle: r.containerTitle,
    year: r.year,
    url: r.url,
    doi: r.doi,
    pmid: r.pmid,
    accessedAt: r.accessedAt ? r.accessedAt.toISOString().slice(0, 10) : null,
    peerReviewed: r.peerReviewed,
    needsDetails: !!r.needsDetails,
    importedText: r.importedText ?? "",
  };
}

export interface EditorState {
  article: {
    id: string;
    slug: string;
    status: string;
    isLive: boolean;
    slugLocked: boolean;
    currentRevisionNumber: number | null;
    /** How references are formatted (public page, preview). */
    citationStyle: CitationStyle;
    /** Who it is written for: the readability target of the checks. */
    audience: Audience;
  };
  draft: DraftSnapshot;
  references: EditorReference[];
  canEdit: boolean;
}

export async function loadEditorState(db: DbTx, actor: Actor, articleId: string): Promise<EditorState> {
  const access = await loadArticleAccess(db, actor, articleId);
  if (!access.may.read) throw new AppError("NOT_FOUND", "This article does not exist or you may not see it.");
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      status: true,
      liveRevisionId: true,
      firstPublishedAt: true,
      currentRevision: { select: { number: true } },
      citationStyle: true,
      audience: true,
    },
  });
  if (!article) throw new AppError("NOT_FOUND", "This article does not exist.");
  const [draft, refs] = await Promise.all([loadDraftSnapshot(db, articleId), listReferences(db, articleId)]);
  return {
    article: {
      id: article.id,
      slug: article.slug,
      status: article.status,
      isLive: !!article.liveRevisionId,
      slugLocked: !!article.firstPublishedAt,
      currentRevisionNumber: article.currentRevision?.number ?? null,
      citationStyle: toCitationStyle(article.citationStyle),
      audience: toAudience(article.audience),
    },
    draft,
    references: refs.map(toEditorReference),
    canEdit: access.may.edit && article.status !== "ARCHIVED",
  };
}
