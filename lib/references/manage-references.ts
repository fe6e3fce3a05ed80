// Create / update / delete / reorder the working copy's references. References are part of the signed-off
// content, so a change records the actor as an editor of the working copy and voids an approval or a
// pending review exactly like a body edit does.
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { assertCanEditArticle } from "../articles/article-access";
import { assertReferencesEditable } from "../translations/references-owned-by-source";
import { parseDocument } from "../content/document-schema";
import { citationLocations } from "../content/text";
import { voidApprovalOnEdit } from "../workflow/void-approval";
import { withEditor } from "../drafts/with-editor";
import type { ReferenceData } from "./reference-schema";
import { baseReferenceKey, uniqueReferenceKey } from "./reference-key";

export const MAX_REFERENCES = 500;

async function markEdited(tx: DbTx, articleId: string, actorId: string) {
  const draft = await tx.workingDraft.findUnique({ where: { articleId }, select: { editorIds: true } });
  if (draft)
    await tx.workingDraft.update({ where: { articleId }, data: { editorIds: withEditor(draft.editorIds, actorId) } });
  await voidApprovalOnEdit(tx, { articleId, actorId });
}

export async function listReferences(db: DbTx, articleId: string) {
  return db.reference.findMany({ where: { articleId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
}

/** Adds references inside an existing transaction (used by create and by the importer). */
/** A reference to insert: the writer's fields, plus, from the importer, its key, flag and the entry as imported. */
export type NewReference = Omit<ReferenceData, "needsDetails"> & {
  key?: string;
  needsDetails?: boolean;
  importedText?: string;
};

export async function insertReferences(tx: DbTx, articleId: string, items: NewReference[]) {
  const existing = await tx.reference.findMany({ where: { articleId }, select: { key: true, position: true } });
  if (existing.length + items.length > MAX_REFERENCES)
    throw new AppError("VALIDATION", `An article can have at most ${MAX_REFERENCES} references.`);
  const taken = new Set(existing.map((r) => r.key));
  let position = existing.reduce((max, r) => Math.max(max, r.position), -1) + 1;
  const created = [];
  for (const { key: wanted, ...data } of items) {
    // Imported references arrive with keys their citations already use; keep those when free.
    const key =
      wanted && !taken.has(wanted)
        ? wanted
        : uniqueReferenceKey(baseReferenceKey(data.authors, data.year, data.title), taken);
    taken.add(key);
    created.push(await tx.reference.create({ data: { ...data, articleId, key, position: position++ } }));
  }
  return created;
}

export async function createReference(db: Db, actor: Actor, articleId: string, input: ReferenceData) {
  const data = input;
  return db.$transaction(async (tx) => {
    await assertCanEditArticle(tx, actor, articleId);
    await assertReferencesEditable(tx, articleId);
    const [reference] = await insertReferences(tx, articleId, [data]);
    await markEdited(tx, articleId, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "reference.created",
      entityType: "Article",
      entityId: articleId,
      data: { key: reference.key },
    });
    return reference;
  });
}

export async function updateReference(
  db: Db,
  actor: Actor,
  articleId: string,
  referenceId: string,
  input: ReferenceData,
) {
  const data = input;
  return db.$transaction(async (tx) => {
    await assertCanEditArticle(tx, actor, articleId);
    await assertReferencesEditable(tx, articleId);
    const current = await tx.reference.findFirst({ where: { id: referenceId, articleId } });
    if (!current) throw new AppError("NOT_FOUND", "This reference no longer exists.");
    const reference = await tx.reference.update({ where: { id: referenceId }, data });
    await markEdited(tx, articleId, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "reference.updated",
      entityType: "Article",
      entityId: articleId,
      data: { key: current.key },
    });
    return reference;
  });
}

/**
 * Deletes a reference. If the working copy cites it, the first call is refused with CONFLICT and
 * details.citedIn (block index + excerpt per citation) so the UI can ask; `confirm: true` deletes anyway.
 * The citations themselves are removed by the editor (client) so they don't race with unsaved typing;
 * any left behind render as "[?]" and are reported by the content checks.
 */
export async function deleteReference(
  db: Db,
  actor: Actor,
  articleId: string,
  referenceId: string,
  opts: { confirm?: boolean } = {},
) {
  return db.$transaction(async (tx) => {
    await assertCanEditArticle(tx, actor, articleId);
    await assertReferencesEditable(tx, articleId);
    const reference = await tx.reference.findFirst({ where: { id: referenceId, articleId } });
    if (!reference) throw new AppError("NOT_FOUND", "This reference no longer exists.");
    const draft = await tx.workingDraft.findUnique({ where: { articleId }, select: { bodyJson: true } });
    const citedIn = draft ? citationLocations(parseDocument(draft.bodyJson), reference.key) : [];
    if (citedIn.length && !opts.confirm) {
      throw new AppError(
        "CONFLICT",
        `This reference is cited ${citedIn.length} time${citedIn.length === 1 ? "" : "s"} in the text. Delete it anyway?`,
        {
          details: { citedIn, key: reference.key, referenceId },
        },
      );
    }
    await tx.reference.delete({ where: { id: referenceId } });
    await markEdited(tx, articleId, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "reference.deleted",
      entityType: "Article",
      entityId: articleId,
      data: { key: reference.key, citedCount: citedIn.length },
    });
    return { key: reference.key, citedIn };
  });
}
