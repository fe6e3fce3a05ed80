// The translator has carried the source's changes (shown block by block in the studio) into the translation and
// says so: the translation is now made from the source's live revision. Its references are synced with that
// revision's (same keys, same order: the source owns the list), the "done" marks of blocks the source changed are
// removed, and the "source changed" flag is cleared. A reference change is a content change, so it voids an
// approval like any edit; the text itself is the translator's and is not touched here.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertCanEditArticle } from "../articles/article-access";
import { parseDocument } from "../content/document-schema";
import { parseReferencesJson, toReferenceSnapshot } from "../content/reference-snapshot";
import { replaceReferences } from "../references/replace-references";
import { unchangedBlockPairs } from "../revisions/diff-revisions";
import { voidApprovalOnEdit } from "../workflow/void-approval";
import { withEditor } from "../drafts/with-editor";
import { parseDoneBlocks } from "./done-blocks";

export const bringUpToDateSchema = z.object({
  articleId: z.string().min(1),
  // The source revision the translator compared against: refuse if a newer one went live meanwhile.
  sourceRevisionId: z.string().min(1, "The source version is missing; reload the page."),
});
export type BringUpToDateInput = z.output<typeof bringUpToDateSchema>;

/** Source's live revision of a translation (throws when the article is not a translation or the source is down). */
export async function loadTranslationSource(tx: DbTx, articleId: string) {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      translationOfId: true,
      translationBaseRevisionId: true,
      translationBaseHash: true,
      translationBase: { select: { bodyJson: true } },
      translationOf: { select: { locale: true, liveRevision: true } },
    },
  });
  if (!article.translationOfId || !article.translationOf)
    throw new AppError("BAD_REQUEST", "This article is not a translation.");
  return article;
}

export async function bringTranslationUpToDate(db: Db, actor: Actor, input: BringUpToDateInput) {
  return db.$transaction(async (tx) => {
    await assertCanEditArticle(tx, actor, input.articleId);
    const article = await loadTranslationSource(tx, input.articleId);
    const live = article.translationOf!.liveRevision;
    if (!live)
      throw new AppError("CONFLICT", "The original article is not live at the moment: there is no version to follow.");
    if (live.id !== input.sourceRevisionId)
      throw new AppError(
        "CONFLICT",
        "A newer version of the original went live while you were comparing. Reload to see its changes.",
      );
    if (article.translationBaseHash === live.contentHash) {
      await tx.article.update({
        where: { id: input.articleId },
        data: { sourceChangedAt: null, translationBaseRevisionId: live.id },
      });
      return { changed: false };
    }
    const draft = await tx.workingDraft.findUniqueOrThrow({ where: { articleId: input.articleId } });
    // Done marks follow the blocks the source did not change; changed and new blocks are to do again.
    const before = parseDocument(article.translationBase?.bodyJson ?? '{"type":"doc","content":[]}');
    const after = parseDocument(live.bodyJson);
    const marked = new Set(parseDoneBlocks(draft.doneBlocksJson));
    const kept = unchangedBlockPairs(before, after)
      .filter(([i]) => marked.has(i))
      .map(([, j]) => j);

    const current = (
      await tx.reference.findMany({ where: { articleId: input.articleId }, orderBy: [{ position: "asc" }] })
    ).map(toReferenceSnapshot);
    const next = parseReferencesJson(live.referencesJson);
    const referencesChanged = JSON.stringify(current) !== JSON.stringify(next);
    if (referencesChanged) await replaceReferences(tx, input.articleId, next);

    await tx.workingDraft.update({
      where: { articleId: input.articleId },
      data: {
        doneBlocksJson: JSON.stringify(kept),
        ...(referencesChanged ? { editorIds: withEditor(draft.editorIds, actor.id) } : {}),
      },
    });
    if (referencesChanged) await voidApprovalOnEdit(tx, { articleId: input.articleId, actorId: actor.id });
    await tx.article.update({
      where: { id: input.articleId },
      data: { translationBaseRevisionId: live.id, translationBaseHash: live.contentHash, sourceChangedAt: null },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "translation.brought_up_to_date",
      entityType: "Article",
      entityId: input.articleId,
      data: {
        fromRevisionId: article.translationBaseRevisionId,
        toRevisionId: live.id,
        toContentHash: live.contentHash,
        referencesChanged,
      },
    });
    return { changed: true };
  });
}
