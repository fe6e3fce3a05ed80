// Inserts the demo article of PRODUCT.md as a published article with its whole paper trail, the way the
// workflow would have left it: working draft + references → frozen revision (hash and pre-rendered HTML by the
// same freezeRevision the studio uses) → approval by a credentialed reviewer with a snapshot of the credential
// → publication → live fields on the article, with an audit event for each step. One transaction: either the
// whole record exists or none of it does.
//
// Idempotent: when an article with the demo slug already exists (seeded before, or a user took the slug) it
// does nothing and says so. Called by prisma/seed.ts with the seeded users.
import { syncArticleSearch } from "../../lib/search/sync-article-search";
import type { Db } from "../../lib/db/client";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { freezeRevision } from "../../lib/revisions/freeze-revision";
import { getSetting } from "../../lib/settings/settings";
import { demoArticle, demoReferences } from "./calcinosis-cutis";
import { DEFAULT_CITATION_STYLE } from "../../lib/references/citation-styles";
import { formatRevisionReferences } from "../../lib/references/format-revision-references";

export interface SeedDemoArticleInput {
  writerId: string;
  reviewerId: string;
  /** A VERIFIED, unexpired credential of the reviewer. */
  credentialId: string;
  editorId: string;
  /** Defaults to the current time; tests pass a fixed one. */
  now?: Date;
}

export type SeedDemoArticleResult =
  { created: true; articleId: string; revisionId: string; slug: string } | { created: false; slug: string };

export async function seedDemoArticle(db: Db, input: SeedDemoArticleInput): Promise<SeedDemoArticleResult> {
  const slug = demoArticle.slug;
  if (await db.article.findUnique({ where: { slug }, select: { id: true } })) return { created: false, slug };

  const now = input.now ?? new Date();
  const intervalMonths = await getSetting(db, "review.intervalMonths");
  const reviewDueAt = new Date(now);
  reviewDueAt.setUTCMonth(reviewDueAt.getUTCMonth() + intervalMonths);

  return db.$transaction(async (tx) => {
    const credential = await tx.credential.findUnique({
      where: { id: input.credentialId },
      include: { verifiedBy: { select: { name: true } } },
    });
    if (!credential || credential.userId !== input.reviewerId)
      throw new Error("seedDemoArticle: credentialId must be a credential of reviewerId.");
    if (credential.status !== "VERIFIED" || credential.expiresAt <= now) {
      throw new Error(
        "seedDemoArticle: the reviewer's credential must be verified and unexpired (the publish gate would refuse it).",
      );
    }

    const article = await tx.article.create({
      data: {
        slug,
        conditionName: demoArticle.conditionName,
        status: "DRAFT",
        createdById: input.writerId,
        authors: { create: { userId: input.writerId } },
        draft: {
          create: {
            title: demoArticle.title,
            summary: demoArticle.summary,
            conditionName: demoArticle.conditionName,
            alternativeNames: JSON.stringify(demoArticle.alternativeNames),
            bodyJson: JSON.stringify(demoArticle.body),
            editorIds: JSON.stringify([input.writerId]),
            lastEditorId: input.writerId,
          },
        },
        references: { create: demoReferences.map((r, position) => ({ ...r, position })) },
      },
    });
    await recordAuditEvent(tx, {
      actorId: input.writerId,
      action: "article.created",
      entityType: "Article",
      entityId: article.id,
      data: { slug, title: demoArticle.title, seeded: true },
    });

    // The writer submits: freezing computes the content hash and bodyHtml and records the contributors.
    const revision = await freezeRevision(tx, {
      articleId: article.id,
      actorId: input.writerId,
      changeSummary: demoArticle.changeSummary,
    });
    await recordAuditEvent(tx, {
      actorId: input.writerId,
      action: "article.submitted",
      entityType: "Article",
      entityId: article.id,
      data: { revisionId: revision.id, from: "DRAFT", to: "IN_REVIEW", seeded: true },
    });

    // Same fields as the review workflow's credential snapshot (lib/credentials: CredentialSnapshot).
    const snapshot = {
      credentialId: credential.id,
      displayName: credential.displayName,
      postNominals: credential.postNominals,
      specialty: credential.specialty,
      licenseNumber: credential.licenseNumber,
      issuingBody: credential.issuingBody,
      jurisdiction: credential.jurisdiction,
      expiresAt: credential.expiresAt.toISOString(),
      verifiedAt: credential.verifiedAt ? credential.verifiedAt.toISOString() : null,
      verifiedByName: credential.verifiedBy?.name ?? null,
    };
    const review = await tx.review.create({
      data: {
        revisionId: revision.id,
        reviewerId: input.reviewerId,
        credentialId: credential.id,
        decision: "APPROVED",
        statement: "Checked against the cited sources; accurate and suitable for readers.",
        contentHash: revision.contentHash,
        credentialSnapshot: JSON.stringify(snapshot),
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      actorId: input.reviewerId,
      action: "review.approved",
      entityType: "Revision",
      entityId: revision.id,
      data: {
        articleId: article.id,
        reviewId: review.id,
        contentHash: revision.contentHash,
        credentialId: credential.id,
        seeded: true,
      },
    });

    const publication = await tx.publication.create({
      data: {
        articleId: article.id,
        revisionId: revision.id,
        publishedById: input.editorId,
        publishedAt: now,
        changeSummary: revision.changeSummary,
        citationStyle: DEFAULT_CITATION_STYLE,
        referencesHtml: formatRevisionReferences(revision.bodyJson, revision.referencesJson, DEFAULT_CITATION_STYLE),
      },
    });
    await tx.article.update({
      where: { id: article.id },
      data: {
        status: "PUBLISHED",
        liveRevisionId: revision.id,
        currentRevisionId: revision.id,
        firstPublishedAt: now,
        lastPublishedAt: now,
        reviewDueAt,
      },
    });
    await syncArticleSearch(tx, article.id);
    await recordAuditEvent(tx, {
      actorId: input.editorId,
      action: "article.published",
      entityType: "Article",
      entityId: article.id,
      data: { revisionId: revision.id, publicationId: publication.id, contentHash: revision.contentHash, seeded: true },
    });

    return { created: true as const, articleId: article.id, revisionId: revision.id, slug };
  });
}
