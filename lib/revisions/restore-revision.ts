// "Restore": an old revision's content (title, summary, condition name, body and references) becomes the
// working draft again. Nothing is deleted from history: the restored text is a new working copy that is
// frozen as a new revision when saved or submitted. The draft version is bumped, so an editor still open on
// the old working copy gets the conflict view instead of overwriting the restore.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertCanEditArticle } from "../articles/article-access";
import { parseDocument } from "../content/document-schema";
import { parseReferencesJson } from "../content/reference-snapshot";
import { voidApprovalOnEdit } from "../workflow/void-approval";
import { withEditor } from "../drafts/with-editor";
import { replaceReferences } from "../references/replace-references";

export async function restoreRevision(db: Db, actor: Actor, input: { articleId: string; revisionId: string }) {
  return db.$transaction(async (tx) => {
    await assertCanEditArticle(tx, actor, input.articleId);
    const revision = await tx.revision.findFirst({ where: { id: input.revisionId, articleId: input.articleId } });
    if (!revision) throw new AppError("NOT_FOUND", "That revision does not belong to this article.");
    const draft = await tx.workingDraft.findUnique({ where: { articleId: input.articleId } });
    if (!draft) throw new AppError("NOT_FOUND", "This article has no working draft.");
    const body = parseDocument(revision.bodyJson);
    const references = parseReferencesJson(revision.referencesJson);

    await replaceReferences(tx, input.articleId, references);
    const updated = await tx.workingDraft.update({
      where: { articleId: input.articleId },
      data: {
        title: revision.title,
        summary: revision.summary,
        conditionName: revision.conditionName,
        alternativeNames: revision.alternativeNames,
        bodyJson: JSON.stringify(body),
        version: { increment: 1 },
        editorIds: withEditor(draft.editorIds, actor.id),
        lastEditorId: actor.id,
      },
    });
    await voidApprovalOnEdit(tx, { articleId: input.articleId, actorId: actor.id });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "revision.restored",
      entityType: "Article",
      entityId: input.articleId,
      data: { revisionId: revision.id, number: revision.number, draftVersion: updated.version },
    });
    return { version: updated.version, number: revision.number };
  });
}
