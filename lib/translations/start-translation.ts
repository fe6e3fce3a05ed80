// "Translate into…": a live source article gets a linked article in another locale. The translation starts
// as a copy of the source's live revision (title, summary, body with the same citations, the same references
// under the same keys) and records which source revision and content hash it was made from. From there it is an
// article of its own: drafts, revisions, its own reviewer approval and gate, its own publication.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { parseReferencesJson } from "../content/reference-snapshot";
import { replaceReferences } from "../references/replace-references";
import { uniqueSlug } from "../articles/slug";
import { getSiteLocales, localeName } from "./locales";

export const startTranslationSchema = z.object({
  sourceArticleId: z.string().min(1, "The article is missing; reload the page."),
  locale: z.string().trim().min(2, "Choose the language to translate into.").max(12),
});
export type StartTranslationInput = z.output<typeof startTranslationSchema>;

export async function startTranslation(db: Db, actor: Actor, input: StartTranslationInput) {
  assertCan(actor, "article.create", "start a translation");
  return db.$transaction(async (tx) => {
    const source = await tx.article.findUnique({
      where: { id: input.sourceArticleId },
      include: { liveRevision: true },
    });
    if (!source) throw new AppError("NOT_FOUND", "That article does not exist.");
    if (source.translationOfId)
      throw new AppError(
        "CONFLICT",
        "This article is itself a translation: translate from the original article, so every language is made from the same text.",
      );
    const live = source.liveRevision;
    if (!live)
      throw new AppError(
        "CONFLICT",
        "Only a live article can be translated: a translation is made from the approved text readers see. Publish it first.",
      );
    const { enabled } = await getSiteLocales(tx);
    if (!enabled.includes(input.locale))
      throw new AppError("VALIDATION", "That language is not enabled on this site (Admin → Settings → Languages).", {
        fieldErrors: { locale: ["Choose one of the listed languages."] },
      });
    if (input.locale === source.locale)
      throw new AppError("VALIDATION", `This article is already in ${localeName(source.locale)}.`, {
        fieldErrors: { locale: ["Choose another language."] },
      });
    const existing = await tx.article.findFirst({
      where: { translationOfId: source.id, locale: input.locale },
      select: { id: true },
    });
    if (existing)
      throw new AppError("CONFLICT", `This article already has a ${localeName(input.locale)} translation: open it.`, {
        details: { articleId: existing.id },
      });

    const slug = await uniqueSlug(tx, `${source.slug}-${input.locale}`.slice(0, 80).replace(/-+$/, ""));
    const translation = await tx.article.create({
      data: {
        slug,
        locale: input.locale,
        translationOfId: source.id,
        translationBaseRevisionId: live.id,
        translationBaseHash: live.contentHash,
        conditionName: live.conditionName,
        clinicalAreaId: source.clinicalAreaId,
        requiredApprovals: source.requiredApprovals,
        citationStyle: source.citationStyle,
        audience: source.audience,
        createdById: actor.id,
        authors: { create: [{ userId: actor.id }] },
        draft: {
          create: {
            title: live.title,
            summary: live.summary,
            conditionName: live.conditionName,
            alternativeNames: live.alternativeNames,
            bodyJson: live.bodyJson,
            editorIds: JSON.stringify([actor.id]),
            lastEditorId: actor.id,
          },
        },
      },
    });
    // The same sources under the same keys: the copied citations resolve to them, numbered as in the source.
    await replaceReferences(tx, translation.id, parseReferencesJson(live.referencesJson));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "translation.started",
      entityType: "Article",
      entityId: translation.id,
      data: {
        sourceArticleId: source.id,
        locale: input.locale,
        sourceRevisionId: live.id,
        sourceContentHash: live.contentHash,
        slug,
      },
    });
    return translation;
  });
}
