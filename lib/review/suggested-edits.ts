// Suggested edits: a reviewer proposes a replacement for a passage of the revision in review (instead of
// describing it in a comment); the article's writers (or an editor) accept or reject each one. Both sides and
// the decision are stored and audited.
//
// Accepting changes the working draft through the normal rules: the editor applies the replacement as an
// ordinary edit (under live co-editing, through the shared document, so every connected writer sees it and
// the co-editing server stores it), waits until that text is stored, and only then records the decision.
// Saving the draft is what withdraws a submission or voids an approval, exactly as typing would; this module
// checks that the stored draft holds the replacement before it calls the suggestion accepted.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { loadArticleAccess } from "../articles/article-access";
import { recordAuditEvent } from "../audit/record-event";
import { parseDocument, type DocumentJson } from "../content/document-schema";
import { blockText } from "../content/text";

export const SUGGESTION_STATUSES = ["OPEN", "ACCEPTED", "REJECTED"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const suggestEditSchema = z.object({
  articleId: z.string().min(1),
  revisionId: z.string().min(1),
  original: z
    .string({ error: "Select the passage to replace." })
    .trim()
    .min(1, "Select the passage to replace.")
    .max(2000, "Select a shorter passage (under 2000 characters)."),
  replacement: z
    .string({ error: "Write the replacement." })
    .trim()
    .max(2000, "Keep the replacement under 2000 characters."),
});
export type SuggestEditInput = z.output<typeof suggestEditSchema>;

export const decideSuggestionSchema = z.object({
  suggestionId: z.string().min(1),
  decision: z.enum(["accept", "reject"], { error: "Choose accept or reject." }),
});
export type DecideSuggestionInput = z.output<typeof decideSuggestionSchema>;

/** The text of every top-level block, each on its own, as the writer and reviewer read it (no citation keys). */
export function documentBlocksText(doc: DocumentJson): string[] {
  return doc.content.map((b) => blockText(b));
}

/** Whether `passage` lies within one block of the document (a suggestion replaces text inside one block). */
export function containsPassage(doc: DocumentJson, passage: string): boolean {
  return documentBlocksText(doc).some((text) => text.includes(passage));
}

export async function suggestEdit(db: Db, actor: Actor, input: SuggestEditInput) {
  const access = await loadArticleAccess(db, actor, input.articleId);
  if (!access.may.comment) throw new AppError("FORBIDDEN", "Only medical reviewers can suggest edits.");
  if (input.replacement === input.original)
    throw new AppError("VALIDATION", "The replacement is the same as the passage.", {
      fieldErrors: { replacement: ["Change the text to suggest an edit."] },
    });
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { status: true, currentRevisionId: true },
    });
    if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
    if (article.status !== "IN_REVIEW" || article.currentRevisionId !== input.revisionId)
      throw new AppError("INVALID_TRANSITION", "Edits can be suggested only on the revision that is in review.");
    const revision = await tx.revision.findUniqueOrThrow({
      where: { id: input.revisionId },
      select: { bodyJson: true },
    });
    if (!containsPassage(parseDocument(revision.bodyJson), input.original))
      throw new AppError("VALIDATION", "Select a passage within one paragraph, list or quotation of the text.", {
        fieldErrors: { original: ["Select a passage within one paragraph, list or quotation."] },
      });
    const suggestion = await tx.suggestedEdit.create({
      data: {
        articleId: input.articleId,
        revisionId: input.revisionId,
        authorId: actor.id,
        original: input.original,
        replacement: input.replacement,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "review.edit_suggested",
      entityType: "Article",
      entityId: input.articleId,
      data: {
        suggestionId: suggestion.id,
        revisionId: input.revisionId,
        original: input.original,
        replacement: input.replacement,
      },
    });
    return suggestion;
  });
}

export async function decideSuggestion(db: Db, actor: Actor, input: DecideSuggestionInput) {
  return db.$transaction(async (tx) => {
    const suggestion = await tx.suggestedEdit.findUnique({ where: { id: input.suggestionId } });
    if (!suggestion) throw new AppError("NOT_FOUND", "That suggestion does not exist.");
    const access = await loadArticleAccess(tx, actor, suggestion.articleId);
    if (!access.may.edit)
      throw new AppError("FORBIDDEN", "Only the article's writers and editors can accept or reject suggestions.");
    if (suggestion.status !== "OPEN")
      throw new AppError(
        "CONFLICT",
        `This suggestion was already ${suggestion.status === "ACCEPTED" ? "accepted" : "rejected"}.`,
      );
    if (input.decision === "accept" && suggestion.replacement) {
      const draft = await tx.workingDraft.findUnique({
        where: { articleId: suggestion.articleId },
        select: { bodyJson: true },
      });
      if (!draft || !containsPassage(parseDocument(draft.bodyJson), suggestion.replacement))
        throw new AppError(
          "CONFLICT",
          "The replacement is not in the saved text yet, so the suggestion was not marked accepted. Wait for “Saved”, then accept again.",
        );
    }
    const status: SuggestionStatus = input.decision === "accept" ? "ACCEPTED" : "REJECTED";
    const updated = await tx.suggestedEdit.update({
      where: { id: suggestion.id },
      data: { status, decidedById: actor.id, decidedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: input.decision === "accept" ? "review.suggestion_accepted" : "review.suggestion_rejected",
      entityType: "Article",
      entityId: suggestion.articleId,
      data: {
        suggestionId: suggestion.id,
        suggestedById: suggestion.authorId,
        original: suggestion.original,
        replacement: suggestion.replacement,
      },
    });
    return updated;
  });
}

export interface SuggestionView {
  id: string;
  original: string;
  replacement: string;
  status: SuggestionStatus;
  authorName: string;
  revisionNumber: number;
  createdAt: string;
}

/** Suggestions on an article for someone who may read it, open ones first (then newest first). */
export async function listSuggestions(db: Db, actor: Actor, articleId: string): Promise<SuggestionView[]> {
  if (!(await loadArticleAccess(db, actor, articleId)).may.read)
    throw new AppError("NOT_FOUND", "This article does not exist or you may not see it.");
  const rows = await db.suggestedEdit.findMany({
    where: { articleId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      original: true,
      replacement: true,
      status: true,
      createdAt: true,
      author: { select: { name: true } },
      revision: { select: { number: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      original: r.original,
      replacement: r.replacement,
      status: r.status as SuggestionStatus,
      authorName: r.author.name,
      revisionNumber: r.revision.number,
      createdAt: r.createdAt.toISOString(),
    }))
    .sort((a, b) => Number(b.status === "OPEN") - Number(a.status === "OPEN"));
}
