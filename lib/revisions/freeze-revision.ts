// Freezes the working copy into an immutable Revision. Called inside a transaction by the submit action
// (workflow) and by the editor's "save revision": the revision, its contributors, the article pointer and the
// audit event commit together. The body is validated and rendered once here; readers are served bodyHtml as is.
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { recordAuditEvent } from "../audit/record-event";
import { parseDocument } from "../content/document-schema";
import { contentHash } from "../content/hash";
import { renderDocument } from "../content/render";
import { toReferenceSnapshot } from "../content/reference-snapshot";
import { wordCount } from "../content/text";
import { snapshotImages } from "../media/snapshot-images";
import { parseAlternativeNames } from "../content/alternative-names";

export interface FreezeRevisionInput {
  articleId: string;
  actorId: string;
  changeSummary: string;
  /** Readers may see the change summary in the public update history (default: it stays internal). */
  changeSummaryPublic?: boolean;
}

export function parseEditorIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export async function freezeRevision(tx: DbTx, input: FreezeRevisionInput) {
  const draft = await tx.workingDraft.findUnique({ where: { articleId: input.articleId } });
  if (!draft) throw new AppError("NOT_FOUND", "This article has no working draft to freeze.");
  if (!draft.title.trim()) {
    throw new AppError("VALIDATION", "Give the article a title before freezing a revision.", {
      fieldErrors: { title: ["A title is required."] },
    });
  }
  const referenceRows = await tx.reference.findMany({
    where: { articleId: input.articleId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });

  const body = parseDocument(draft.bodyJson);
  const references = referenceRows.map(toReferenceSnapshot);
  const images = await snapshotImages(tx, body, { requireReady: true });
  const { html, orderedReferences } = renderDocument(body, references, images);
  // Stored in display order (first citation), so readers' pages can list them without re-deriving numbers.
  const referencesSnapshot = orderedReferences.map(({ number: _n, citedCount: _c, ...r }) => r);
  const alternativeNames = parseAlternativeNames(draft.alternativeNames);
  const hash = contentHash({
    title: draft.title,
    summary: draft.summary,
    conditionName: draft.conditionName,
    alternativeNames,
    body,
    references,
    images,
  });

  // A translation's revision records the source revision its text was made from (lib/translations/).
  const translation = await tx.article.findUniqueOrThrow({
    where: { id: input.articleId },
    select: { translationOfId: true, translationBaseRevisionId: true, translationBaseHash: true },
  });
  const madeFrom = translation.translationOfId
    ? { sourceRevisionId: translation.translationBaseRevisionId, sourceContentHash: translation.translationBaseHash }
    : {};

  const last = await tx.revision.findFirst({
    where: { articleId: input.articleId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const number = (last?.number ?? 0) + 1;

  const revision = await tx.revision.create({
    data: {
      articleId: input.articleId,
      number,
      title: draft.title,
      summary: draft.summary,
      conditionName: draft.conditionName,
      alternativeNames: JSON.stringify(alternativeNames),
      bodyJson: JSON.stringify(body),
      referencesJson: JSON.stringify(referencesSnapshot),
      contentHash: hash,
      changeSummary: input.changeSummary.trim().slice(0, 500),
      changeSummaryPublic: input.changeSummaryPublic ?? false,
      wordCount: wordCount(body),
      bodyHtml: html,
      imagesJson: JSON.stringify(images),
      authorId: input.actorId,
      ...madeFrom,
    },
  });
  for (const image of images) {
    const item = await tx.mediaItem.findUniqueOrThrow({ where: { id: image.mediaId }, select: { fileId: true } });
    await tx.revisionImage.create({ data: { revisionId: revision.id, mediaId: image.mediaId, fileId: item.fileId } });
  }

  // Everyone who changed the text since the last freeze, plus whoever freezes it: none of them may approve it.
  const contributorIds = [...new Set([...parseEditorIds(draft.editorIds), input.actorId])];
  const existing = await tx.user.findMany({ where: { id: { in: contributorIds } }, select: { id: true } });
  for (const { id } of existing) await tx.revisionContributor.create({ data: { revisionId: revision.id, userId: id } });

  await tx.workingDraft.update({ where: { articleId: input.articleId }, data: { editorIds: "[]" } });
  await tx.article.update({
    where: { id: input.articleId },
    data: { currentRevisionId: revision.id, conditionName: draft.conditionName },
  });
  await recordAuditEvent(tx, {
    actorId: input.actorId,
    action: "revision.frozen",
    entityType: "Article",
    entityId: input.articleId,
    data: {
      revisionId: revision.id,
      number,
      contentHash: hash,
      changeSummary: revision.changeSummary,
      contributors: existing.map((u) => u.id),
    },
  });
  return revision;
}
