// Gathers the gate's inputs for an article's current revision and evaluates them. Takes a DbTx so publish
// can evaluate inside its own transaction (what it checks is what it publishes).
import type { DbTx } from "../db/client";
import { getSetting } from "../settings/settings";
import { parseCredentialSnapshot } from "../credentials/credential-standing";
import { openBlockingReports } from "../feedback/open-blocking-reports";
import { articleContributorIds } from "../workflow/article-contributors";
import { evaluateGate, type GateResult } from "./evaluate-gate";
import { parseReferencesJson } from "../content/reference-snapshot";
import { sourceState } from "../sources/check-sources";
import { reportIndexCoverage } from "../plagiarism/index-coverage";
import { toStoredReport } from "../plagiarism/read-report";
import { parseImagesJson } from "../content/image-snapshot";
import { requiredLayReviews } from "../lay-review/list-lay-reviews";

/** null when the article has no frozen revision (nothing to publish). */
export async function loadGate(db: DbTx, articleId: string, revisionId?: string | null): Promise<GateResult | null> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { currentRevisionId: true, liveRevisionId: true, requiredApprovals: true, audience: true },
  });
  const revId = revisionId ?? article?.currentRevisionId;
  if (!article || !revId) return null;
  const revision = await db.revision.findUnique({
    where: { id: revId },
    select: { id: true, number: true, contentHash: true, bodyJson: true, referencesJson: true, imagesJson: true },
  });
  if (!revision) return null;
  const images = parseImagesJson(revision.imagesJson);
  const [
    reviews,
    plagiarism,
    reports,
    checkRun,
    overrides,
    thresholdPercent,
    contributorIds,
    sources,
    layRequired,
    layRecorded,
  ] = await Promise.all([
    db.review.findMany({
      where: { revisionId: revId, decision: "APPROVED" },
      include: { reviewer: { select: { name: true } } },
    }),
    db.plagiarismReport.findFirst({ where: { revisionId: revId }, orderBy: { createdAt: "desc" } }),
    // The feedback area's own definition of a report that holds publishing (lib/feedback/open-blocking-reports.ts).
    openBlockingReports(db, articleId),
    db.contentCheckRun.findFirst({ where: { revisionId: revId }, orderBy: { createdAt: "desc" } }),
    db.gateOverride.findMany({ where: { revisionId: revId }, include: { by: { select: { name: true } } } }),
    getSetting(db, "plagiarism.thresholdPercent"),
    articleContributorIds(db, articleId),
    sourceState(db, parseReferencesJson(revision.referencesJson)),
    requiredLayReviews(db, article.audience),
    // Lay reviews count for the content read: a later revision that froze the same content keeps them.
    db.layReview.count({ where: { contentHash: revision.contentHash, invite: { articleId } } }),
  ]);
  const consent = images.length
    ? await db.mediaItem.findMany({
        where: { id: { in: images.map((i) => i.mediaId) } },
        select: { id: true, consentOnFile: true },
      })
    : [];
  const consentById = new Map(consent.map((c) => [c.id, c.consentOnFile]));
  return evaluateGate({
    revision: {
      id: revision.id,
      number: revision.number,
      contentHash: revision.contentHash,
      bodyJson: revision.bodyJson,
      referencesJson: revision.referencesJson,
      contributorIds,
    },
    images: images.map((i) => ({
      mediaId: i.mediaId,
      alt: i.alt,
      licence: i.licence,
      licenceAgency: i.licenceAgency,
      clinical: i.clinical,
      consentOnFile: consentById.get(i.mediaId) ?? false,
    })),
    requiredApprovals: article.requiredApprovals,
    approvals: reviews.map((r) => ({
      id: r.id,
      reviewerId: r.reviewerId,
      reviewerName: r.reviewer.name,
      decision: r.decision,
      contentHash: r.contentHash,
      createdAt: r.createdAt,
      voidedAt: r.voidedAt,
      snapshot: parseCredentialSnapshot(r.credentialSnapshot),
    })),
    plagiarism: plagiarism
      ? {
          similarity: plagiarism.similarity,
          createdAt: plagiarism.createdAt,
          checker: plagiarism.checker,
          index: reportIndexCoverage(toStoredReport(plagiarism).parameters),
        }
      : null,
    thresholdPercent,
    isLive: !!article.liveRevisionId,
    openLiveReports: reports.map((r) => ({ id: r.id, reason: r.reason ?? "", createdAt: r.createdAt })),
    checkRun: checkRun
      ? {
          blocking: checkRun.blocking,
          advisory: checkRun.advisory,
          createdAt: checkRun.createdAt,
          blockingMessages: blockingMessages(checkRun.findingsJson),
        }
      : null,
    overrides: overrides.map((o) => ({ item: o.item, reason: o.reason, byName: o.by.name, createdAt: o.createdAt })),
    sources,
    layReviews: { required: layRequired, recorded: layRecorded },
  });
}

function blockingMessages(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v
      .filter(
        (f): f is { severity: string; message: string } =>
          !!f && typeof f === "object" && String((f as { severity?: unknown }).severity).toLowerCase() === "blocking",
      )
      .map((f) => String(f.message));
  } catch {
    return [];
  }
}
