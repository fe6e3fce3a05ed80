// Alternative names (lay terms, abbreviations) of the article's condition, edited beside the text. They are
// part of the working copy, like the title: frozen into the next revision, covered by its content hash (so a
// reviewer signs them off), and shown to readers (search, A–Z) only once that revision is live. Saved on their
// own, without the draft's version, so an open editor's autosave never conflicts with them.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { alternativeNamesTextSchema, parseAlternativeNames } from "../content/alternative-names";
import { withEditor } from "../drafts/with-editor";
import { voidApprovalOnEdit, type VoidResult } from "../workflow/void-approval";
import { assertCanEditArticle } from "./article-access";

export const updateAlternativeNamesSchema = z.object({
  articleId: z.string().min(1),
  alternativeNames: alternativeNamesTextSchema,
});
export type UpdateAlternativeNamesInput = z.output<typeof updateAlternativeNamesSchema>;

export async function updateAlternativeNames(
  db: Db,
  actor: Actor,
  input: UpdateAlternativeNamesInput,
): Promise<{ alternativeNames: string[]; changed: boolean; voided: VoidResult["voided"] }> {
  const { articleId, alternativeNames } = input;
  return db.$transaction(async (tx) => {
    const article = await assertCanEditArticle(tx, actor, articleId);
    const draft = await tx.workingDraft.findUnique({
      where: { articleId },
      select: { alternativeNames: true, editorIds: true },
    });
    if (!draft) throw new AppError("NOT_FOUND", "This article has no working draft.");
    const before = parseAlternativeNames(draft.alternativeNames);
    if (JSON.stringify(before) === JSON.stringify(alternativeNames))
      return { alternativeNames, changed: false, voided: null };
    await tx.workingDraft.update({
      where: { articleId },
      data: {
        alternativeNames: JSON.stringify(alternativeNames),
        editorIds: withEditor(draft.editorIds, actor.id),
        lastEditorId: actor.id,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.alternative_names_changed",
      entityType: "Article",
      entityId: articleId,
      data: { from: before, to: alternativeNames },
    });
    const { voided } =
      article.status === "APPROVED" || article.status === "IN_REVIEW"
        ? await voidApprovalOnEdit(tx, { articleId, actorId: actor.id })
        : { voided: null };
    return { alternativeNames, changed: true, voided };
  });
}
