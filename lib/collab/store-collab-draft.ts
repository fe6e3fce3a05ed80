// What the co-editing server writes when a shared draft changes: the same working copy autosave writes, with
// the same rules (the body must pass the document schema, every person who changed it is recorded for
// separation of duties, a real change to an article in review or approved voids that sign-off) — but no
// base-version check: the shared document already merged everyone's edits, so there is nothing to conflict
// with. Its version increments like any save, so an autosaving editor that falls back later sees it.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseDocument } from "../content/document-schema";
import { draftFieldsSchema } from "../drafts/save-draft";
import { voidApprovalOnEdit } from "../workflow/void-approval";
import { parseInput } from "../validation";
import { withEditor } from "../drafts/with-editor";

export interface CollabDraftInput {
  articleId: string;
  /** People whose edits are in this state (in the order they edited); the last is recorded as last editor. */
  editorIds: readonly string[];
  title: string;
  summary: string;
  conditionName: string;
  body: unknown;
}

export async function storeCollaborativeDraft(db: Db, input: CollabDraftInput) {
  const fields = parseInput(draftFieldsSchema, input, "The shared draft could not be saved.");
  const bodyJson = JSON.stringify(parseDocument(input.body));
  return db.$transaction(async (tx) => {
    const draft = await tx.workingDraft.findUnique({
      where: { articleId: input.articleId },
      include: { article: { select: { status: true } } },
    });
    if (!draft) throw new AppError("NOT_FOUND", "This article has no working draft.");
    if (draft.article.status === "ARCHIVED") throw new AppError("FORBIDDEN", "This article is archived.");
    const unchanged =
      draft.title === fields.title &&
      draft.summary === fields.summary &&
      draft.conditionName === fields.conditionName &&
      draft.bodyJson === bodyJson;
    if (unchanged) return { version: draft.version, updatedAt: draft.updatedAt, changed: false };
    let editorIds = draft.editorIds;
    for (const id of input.editorIds) editorIds = withEditor(editorIds, id);
    const lastEditorId = input.editorIds[input.editorIds.length - 1] ?? draft.lastEditorId;
    const fresh = await tx.workingDraft.update({
      where: { articleId: input.articleId },
      data: { ...fields, bodyJson, version: { increment: 1 }, editorIds, lastEditorId },
      select: { version: true, updatedAt: true },
    });
    if ((draft.article.status === "APPROVED" || draft.article.status === "IN_REVIEW") && lastEditorId)
      await voidApprovalOnEdit(tx, { articleId: input.articleId, actorId: lastEditorId });
    return { version: fresh.version, updatedAt: fresh.updatedAt, changed: true };
  });
}
