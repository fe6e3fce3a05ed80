// The editor's "Save revision": freezes the working copy as a revision without submitting it for review
// (a checkpoint the writer can compare with and restore later).
import { parseAlternativeNames } from "../content/alternative-names";
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { assertCanEditArticle } from "../articles/article-access";
import { parseDocument } from "../content/document-schema";
import { contentHash } from "../content/hash";
import { toReferenceSnapshot } from "../content/reference-snapshot";
import { freezeRevision } from "./freeze-revision";
import { snapshotImages } from "../media/snapshot-images";

export const saveRevisionSchema = z.object({
  articleId: z.string().min(1),
  changeSummary: z
    .string()
    .trim()
    .min(3, "Say briefly what changed (at least 3 characters).")
    .max(500, "Keep it under 500 characters."),
});

export type SaveRevisionInput = z.output<typeof saveRevisionSchema>;

export async function saveRevision(db: Db, actor: Actor, input: SaveRevisionInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const article = await assertCanEditArticle(tx, actor, data.articleId);
    // In review / approved, the frozen revision is the one being signed off; a checkpoint would replace it.
    if (article.status === "IN_REVIEW" || article.status === "APPROVED") {
      throw new AppError(
        "INVALID_TRANSITION",
        "This article's current revision is in review or approved; edit the text first (that withdraws it) or wait for the decision.",
      );
    }
    const full = await tx.article.findUniqueOrThrow({
      where: { id: data.articleId },
      select: { currentRevision: { select: { number: true, contentHash: true } } },
    });
    const draft = await tx.workingDraft.findUniqueOrThrow({ where: { articleId: data.articleId } });
    const refs = await tx.reference.findMany({ where: { articleId: data.articleId } });
    const body = parseDocument(draft.bodyJson);
    const hash = contentHash({
      title: draft.title,
      summary: draft.summary,
      conditionName: draft.conditionName,
      alternativeNames: parseAlternativeNames(draft.alternativeNames),
      body,
      references: refs.map(toReferenceSnapshot),
      images: await snapshotImages(tx, body, { requireReady: false }),
    });
    if (full.currentRevision && full.currentRevision.contentHash === hash) {
      throw new AppError("CONFLICT", `Nothing changed since revision ${full.currentRevision.number}.`);
    }
    return freezeRevision(tx, { articleId: data.articleId, actorId: actor.id, changeSummary: data.changeSummary });
  });
}
