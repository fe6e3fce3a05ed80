// The public verification of an article's claim "medically reviewed by …": recompute the content hash of
// what the article page serves (from the live revision's stored content, lib/content/hash.ts), and compare it
// with the hash the revision recorded when it was frozen, the hash the approval signed, and the hashes in
// the audit events that record the approval and the publication (each event's own chain hash recomputed too).
// Read fresh from the database on every request: a page that says "matches" must not be a cached answer.
import type { DbTx } from "../db/client";
import { hashAuditEvent, hashAuditEventKeyed } from "../audit/record-event";
import { parseAlternativeNames } from "../content/alternative-names";
import { parseImagesJson } from "../content/image-snapshot";
import { auditKey } from "../audit/audit-key";
import { contentHash } from "../content/hash";
import { parseDocument } from "../content/document-schema";
import { parseReferencesJson } from "../content/reference-snapshot";
import { publicCredential } from "../credentials/credential-standing";
import { HIDDEN_STATUSES, standingApprovalWhere } from "./live-filter";
import { isPublicSlug } from "./slug";

export interface VerifyEvent {
  id: number;
  at: string;
  action: string;
  actorName: string | null;
  /** The content hash the event records, if it records one. */
  contentHash: string | null;
  /** The event's chain hash recomputes from its fields (it was not edited after being written). */
  intact: boolean;
}

export interface ArticleVerification {
  slug: string;
  title: string;
  revisionId: string;
  revisionNumber: number;
  /** Hash recomputed now from the served content. */
  computedHash: string | null;
  /** Hash stored on the revision when it was frozen. */
  storedHash: string;
  approval: {
    id: string;
    reviewerName: string;
    credential: { displayName: string; postNominals: string; specialty: string } | null;
    signedHash: string;
    at: string;
  } | null;
  events: VerifyEvent[];
  checks: Array<{ label: string; ok: boolean }>;
  matches: boolean;
}

export async function verifyArticle(db: DbTx, slug: string): Promise<ArticleVerification | null> {
  if (!isPublicSlug(slug)) return null;
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      liveRevision: {
        select: {
          id: true,
          number: true,
          title: true,
          summary: true,
          conditionName: true,
          alternativeNames: true,
          bodyJson: true,
          referencesJson: true,
          imagesJson: true,
          contentHash: true,
          reviews: {
            where: standingApprovalWhere,
            orderBy: { createdAt: "desc" },
            take: 1,
            select: {
              id: true,
              contentHash: true,
              credentialSnapshot: true,
              createdAt: true,
              reviewer: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const rev = article?.liveRevision;
  if (!article || !rev || (HIDDEN_STATUSES as readonly string[]).includes(article.status)) return null;

  let computedHash: string | null = null;
  try {
    computedHash = contentHash({
      title: rev.title,
      summary: rev.summary,
      conditionName: rev.conditionName,
      // Everything freezeRevision hashes: alternative names and image records too (lib/content/hash.ts).
      alternativeNames: parseAlternativeNames(rev.alternativeNames),
      body: parseDocument(rev.bodyJson),
      references: parseReferencesJson(rev.referencesJson),
      images: parseImagesJson(rev.imagesJson),
    });
  } catch {
    computedHash = null; // content that no longer parses cannot match anything
  }
  const review = rev.reviews[0];
  const snapshot = review ? publicCredential(review.credentialSnapshot) : null;

  // The events that back the claim: the approval of this revision and its publication(s).
  // (Recorded on the article with the revision in the data, or on the revision itself.)
  const rows = await db.auditEvent.findMany({
    where: {
      action: { in: ["review.approved", "article.published"] },
      OR: [
        { entityType: "Article", entityId: article.id },
        { entityType: "Revision", entityId: rev.id },
      ],
    },
    orderBy: { id: "asc" },
    include: { actor: { select: { name: true } } },
  });
  const events: VerifyEvent[] = [];
  const key = auditKey();
  for (const e of rows) {
    let data: Record<string, unknown> = {};
    try {
      data = JSON.parse(e.dataJson) as Record<string, unknown>;
    } catch {
      data = {};
    }
    if (e.entityType === "Article" && data.revisionId !== rev.id) continue;
    events.push({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actorName: e.actor?.name ?? null,
      contentHash: typeof data.contentHash === "string" ? data.contentHash : null,
      // Events written before the chain was keyed carry the plain hash, later ones the keyed one.
      intact: hashAuditEvent(e) === e.hash || (key !== null && hashAuditEventKeyed(e, key) === e.hash),
    });
  }
  const approvalEvent = events.find((e) => e.action === "review.approved");
  const checks = [
    {
      label: "The served content hashes to the hash recorded when this revision was frozen",
      ok: computedHash === rev.contentHash,
    },
    { label: "A standing medical approval exists for this revision", ok: !!review },
    { label: "The approval signed this exact content hash", ok: !!review && review.contentHash === computedHash },
    {
      label: "The audit log records the approval with the same hash",
      ok: !!approvalEvent && approvalEvent.contentHash === computedHash,
    },
    {
      label: "The audit log records the publication of this revision",
      ok: events.some((e) => e.action === "article.published"),
    },
    { label: "Every backing audit event is unaltered (its chain hash recomputes)", ok: events.every((e) => e.intact) },
  ];
  return {
    slug: article.slug,
    title: rev.title,
    revisionId: rev.id,
    revisionNumber: rev.number,
    computedHash,
    storedHash: rev.contentHash,
    approval: review
      ? {
          id: review.id,
          reviewerName: review.reviewer.name,
          credential: snapshot
            ? { displayName: snapshot.displayName, postNominals: snapshot.postNominals, specialty: snapshot.specialty }
            : null,
          signedHash: review.contentHash,
          at: review.createdAt.toISOString(),
        }
      : null,
    events,
    checks,
    matches: checks.every((c) => c.ok),
  };
}
