// The demo's Spanish translation of the calcinosis cutis article, in the state issue 23 wants visible out of the
// box: translated from English revision 1, approved by the demo reviewer (whose credential lists Spanish) and
// published; then English revision 2 went live, so the translation is marked "source changed" (the studio's
// Languages tab shows the one changed block) and its page can say "The English version was updated on …".
// Written the way the workflow would have left it (same freeze, same publish-time tracking), in one transaction,
// bypassing the gate like seed-demo-article.ts. Idempotent: does nothing when the translation exists.
import type { Db, DbTx } from "../../lib/db/client";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { freezeRevision } from "../../lib/revisions/freeze-revision";
import { parseReferencesJson } from "../../lib/content/reference-snapshot";
import { replaceReferences } from "../../lib/references/replace-references";
import { formatRevisionReferences } from "../../lib/references/format-revision-references";
import { DEFAULT_CITATION_STYLE } from "../../lib/references/citation-styles";
import { syncArticleSearch } from "../../lib/search/sync-article-search";
import { credentialSnapshot } from "../../lib/credentials/credential-standing";
import { trackSourceChangesOnPublish } from "../../lib/translations/track-source-changes";
import { DEMO_ARTICLE_SLUG } from "./calcinosis-cutis";
import { DEMO_TRANSLATION_SLUG, demoArticleEs, demoArticleUpdate } from "./calcinosis-cutis-es";

export interface SeedDemoTranslationInput {
  writerId: string;
  reviewerId: string;
  credentialId: string;
  editorId: string;
  now?: Date;
}

const DAY = 86_400_000;

async function approveAndPublish(
  tx: DbTx,
  input: SeedDemoTranslationInput,
  articleId: string,
  revisionId: string,
  at: Date,
  firstPublishedAt: Date,
) {
  const revision = await tx.revision.findUniqueOrThrow({ where: { id: revisionId } });
  const credential = await tx.credential.findUniqueOrThrow({
    where: { id: input.credentialId },
    include: { verifiedBy: { select: { name: true } } },
  });
  const review = await tx.review.create({
    data: {
      revisionId,
      reviewerId: input.reviewerId,
      credentialId: credential.id,
      decision: "APPROVED",
      statement: "Checked against the cited sources; accurate and suitable for readers.",
      contentHash: revision.contentHash,
      credentialSnapshot: JSON.stringify(credentialSnapshot(credential, credential.verifiedBy?.name ?? null)),
      createdAt: at,
    },
  });
  await recordAuditEvent(tx, {
    actorId: input.reviewerId,
    action: "review.approved",
    entityType: "Revision",
    entityId: revisionId,
    data: { articleId, reviewId: review.id, contentHash: revision.contentHash, seeded: true },
  });
  const previous = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { reviewDueAt: true } });
  const publication = await tx.publication.create({
    data: {
      articleId,
      revisionId,
      publishedById: input.editorId,
      publishedAt: at,
      changeSummary: revision.changeSummary,
      citationStyle: DEFAULT_CITATION_STYLE,
      referencesHtml: formatRevisionReferences(revision.bodyJson, revision.referencesJson, DEFAULT_CITATION_STYLE),
    },
  });
  const reviewDueAt = new Date(at);
  reviewDueAt.setUTCFullYear(reviewDueAt.getUTCFullYear() + 1);
  await tx.article.update({
    where: { id: articleId },
    data: {
      status: "PUBLISHED",
      liveRevisionId: revisionId,
      currentRevisionId: revisionId,
      firstPublishedAt,
      lastPublishedAt: at,
      reviewDueAt: previous.reviewDueAt && previous.reviewDueAt > reviewDueAt ? previous.reviewDueAt : reviewDueAt,
    },
  });
  await trackSourceChangesOnPublish(tx, { articleId, revisionId, publishedAt: at, actorId: input.editorId });
  await syncArticleSearch(tx, articleId);
  await recordAuditEvent(tx, {
    actorId: input.editorId,
    action: "article.published",
    entityType: "Article",
    entityId: articleId,
    data: { revisionId, publicationId: publication.id, contentHash: revision.contentHash, seeded: true },
  });
}

export async function seedDemoTranslation(
  db: Db,
  input: SeedDemoTranslationInput,
): Promise<{ created: boolean; slug: string }> {
  const source = await db.article.findUnique({
    where: { slug: DEMO_ARTICLE_SLUG },
    select: { id: true, liveRevision: true, firstPublishedAt: true, translations: { select: { id: true } } },
  });
  if (!source?.liveRevision || source.translations.length > 0) return { created: false, slug: DEMO_TRANSLATION_SLUG };
  if (await db.article.findUnique({ where: { slug: DEMO_TRANSLATION_SLUG }, select: { id: true } }))
    return { created: false, slug: DEMO_TRANSLATION_SLUG };
  const now = input.now ?? new Date();
  const english1 = source.liveRevision;
  // The English revision 1 was live first, the translation followed, then English revision 2.
  const englishFirst = source.firstPublishedAt ?? new Date(now.getTime() - 30 * DAY);
  // Never in the future: on a fresh demo all three happen "now", a second apart at most.
  const translatedAt = new Date(Math.min(now.getTime(), Math.max(englishFirst.getTime(), now.getTime() - 10 * DAY)));
  const englishSecond = new Date(Math.max(translatedAt.getTime() + 1000, now.getTime()));

  return db.$transaction(async (tx) => {
    // The demo reviewer reviews in English and Spanish.
    await tx.credential.update({
      where: { id: input.credentialId },
      data: { languages: JSON.stringify(["en", "es"]) },
    });

    const es = await tx.article.create({
      data: {
        slug: DEMO_TRANSLATION_SLUG,
        locale: "es",
        translationOfId: source.id,
        translationBaseRevisionId: english1.id,
        translationBaseHash: english1.contentHash,
        conditionName: demoArticleEs.conditionName,
        createdById: input.writerId,
        authors: { create: { userId: input.writerId } },
        draft: {
          create: {
            title: demoArticleEs.title,
            summary: demoArticleEs.summary,
            conditionName: demoArticleEs.conditionName,
            alternativeNames: JSON.stringify(demoArticleEs.alternativeNames),
            bodyJson: JSON.stringify(demoArticleEs.body),
            editorIds: JSON.stringify([input.writerId]),
            lastEditorId: input.writerId,
            // Every block was translated and ticked.
            doneBlocksJson: JSON.stringify(demoArticleEs.body.content.map((_, i) => i)),
          },
        },
      },
    });
    await replaceReferences(tx, es.id, parseReferencesJson(english1.referencesJson));
    await recordAuditEvent(tx, {
      actorId: input.writerId,
      action: "translation.started",
      entityType: "Article",
      entityId: es.id,
      data: { sourceArticleId: source.id, locale: "es", sourceRevisionId: english1.id, seeded: true },
    });
    const esRevision = await freezeRevision(tx, {
      articleId: es.id,
      actorId: input.writerId,
      changeSummary: demoArticleEs.changeSummary,
      changeSummaryPublic: true,
    });
    await approveAndPublish(tx, input, es.id, esRevision.id, translatedAt, translatedAt);

    // English revision 2 goes live: the translation is now made from an older English text.
    await tx.workingDraft.update({
      where: { articleId: source.id },
      data: {
        bodyJson: JSON.stringify(demoArticleUpdate.body),
        editorIds: JSON.stringify([input.writerId]),
        version: { increment: 1 },
      },
    });
    const english2 = await freezeRevision(tx, {
      articleId: source.id,
      actorId: input.writerId,
      changeSummary: demoArticleUpdate.changeSummary,
      changeSummaryPublic: true,
    });
    await approveAndPublish(tx, input, source.id, english2.id, englishSecond, englishFirst);
    return { created: true, slug: DEMO_TRANSLATION_SLUG };
  });
}
