// Autosave of the working copy, with optimistic concurrency: each save names the version it was based on;
// if someone saved in between, the save is refused with CONFLICT and the current server copy in
// details.current, so the editor can show both versions side by side (nothing typed is lost: the client
// still holds its own copy). Saves that change nothing are accepted without a new version.
//
// A real change to an article that is in review or approved voids that sign-off in the same transaction
// (voidApprovalOnEdit): the approval is bound to the content it approved.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { parseDocument, type DocumentJson } from "../content/document-schema";
import { assertCanEditArticle } from "../articles/article-access";
import { voidApprovalOnEdit, type VoidResult } from "../workflow/void-approval";
import { withEditor } from "./with-editor";
import { parseAlternativeNames } from "../content/alternative-names";

export const draftFieldsSchema = z.object({
  // Empty titles are allowed while typing (autosave must never refuse half-finished work); freezing a
  // revision requires one.
  title: z.string().max(200, "Titles can have at most 200 characters."),
  summary: z.string().max(1000, "Summaries can have at most 1000 characters."),
  conditionName: z.string().max(200, "At most 200 characters."),
});

export const saveDraftSchema = draftFieldsSchema.extend({
  articleId: z.string().min(1),
  baseVersion: z.number({ error: "The save must say which version it was based on." }).int().min(1),
  body: z.unknown(),
});
export type SaveDraftInput = z.output<typeof saveDraftSchema>;

export interface DraftSnapshot {
  articleId: string;
  version: number;
  title: string;
  summary: string;
  conditionName: string;
  /** Saved on their own (lib/articles/update-alternative-names.ts), not by autosave. */
  alternativeNames: string[];
  bodyJson: DocumentJson;
  updatedAt: string;
  lastEditorId: string | null;
  lastEditorName: string | null;
}

export interface SaveDraftResult {
  version: number;
  savedAt: string;
  changed: boolean;
  voided: VoidResult["voided"];
}

export async function loadDraftSnapshot(db: DbTx, articleId: string): Promise<DraftSnapshot> {
  const draft = await db.workingDraft.findUnique({
    where: { articleId },
    include: { lastEditor: { select: { name: true } } },
  });
  if (!draft) throw new AppError("NOT_FOUND", "This article has no working draft.");
  return {
    articleId,
    version: draft.version,
    title: draft.title,
    summary: draft.summary,
    conditionName: draft.conditionName,
    alternativeNames: parseAlternativeNames(draft.alternativeNames),
    bodyJson: JSON.parse(draft.bodyJson) as DocumentJson,
    updatedAt: draft.updatedAt.toISOString(),
    lastEditorId: draft.lastEditorId,
    lastEditorName: draft.lastEditor?.name ?? null,
  };
}

export async function saveDraft(db: Db, actor: Actor, input: SaveDraftInput): Promise<SaveDraftResult> {
  const data = input;
  // Validate (and size-check) the body before opening a transaction: a refused body never touches the draft.
  const body = parseDocument(data.body);
  const bodyJson = JSON.stringify(body);

  return db.$transaction(async (tx) => {
    const article = await assertCanEditArticle(tx, actor, data.articleId);
    const draft = await tx.workingDraft.findUnique({ where: { articleId: data.articleId } });
    if (!draft) throw new AppError("NOT_FOUND", "This article has no working draft.");

    if (draft.version !== data.baseVersion) {
      throw new AppError(
        "CONFLICT",
        "Someone else saved this draft while you were editing. Compare both versions and choose what to keep.",
        {
          details: { current: await loadDraftSnapshot(tx, data.articleId), yourBaseVersion: data.baseVersion },
        },
      );
    }

    const unchanged =
      draft.title === data.title &&
      draft.summary === data.summary &&
      draft.conditionName === data.conditionName &&
      // Stored bodies are always written from parseDocument's output, whose key order is fixed by the schema,
      // so a plain string comparison is exact here (and cheap on a 10,000-word article).
      draft.bodyJson === bodyJson;
    if (unchanged)
      return { version: draft.version, savedAt: draft.updatedAt.toISOString(), changed: false, voided: null };

    // The version condition makes the check-and-write atomic even if two saves were to interleave: the
    // update matches no row when someone else bumped the version in between.
    let fresh: { version: number; updatedAt: Date };
    try {
      fresh = await tx.workingDraft.update({
        where: { articleId: data.articleId, version: data.baseVersion },
        data: {
          title: data.title,
          summary: data.summary,
          conditionName: data.conditionName,
          bodyJson,
          version: { increment: 1 },
          editorIds: withEditor(draft.editorIds, actor.id),
          lastEditorId: actor.id,
        },
        select: { version: true, updatedAt: true },
      });
    } catch (err) {
      if ((err as { code?: string }).code !== "P2025") throw err;
      throw new AppError(
        "CONFLICT",
        "Someone else saved this draft while you were editing. Compare both versions and choose what to keep.",
        {
          details: { current: await loadDraftSnapshot(tx, data.articleId), yourBaseVersion: data.baseVersion },
        },
      );
    }
    // Only a submitted or approved article has a sign-off to void (voidApprovalOnEdit re-checks the status).
    const { voided } =
      article.status === "APPROVED" || article.status === "IN_REVIEW"
        ? await voidApprovalOnEdit(tx, { articleId: data.articleId, actorId: actor.id })
        : { voided: null };
    return { version: fresh.version, savedAt: fresh.updatedAt.toISOString(), changed: true, voided };
  });
}
