// Everything an assessor asks about one article ("the job bag"), read from what Imprimatur recorded: the live
// revision as published, its approvals (credential snapshot, attestation), the checks, plagiarism and source
// reports of that revision, the declarations of interest in force when it was approved, its funding and lay
// reviews, reader feedback with triage times, and the audit events of the article's history with their chain
// hashes and the verification of the whole chain. Read only; a fixed number of queries.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { verifyAuditChain, type ChainReport } from "../audit/verify-chain";
import { sourceState, type StoredSourceState } from "../sources/check-sources";
import { REVISION_OF_RECORD_SELECT, revisionOfRecord } from "../articles/revision-of-record";
import { loadDeclarationsInForce } from "../declarations/load-declarations";
import { parseFunding } from "../declarations/article-funding";
import { parseDisclosure } from "../declarations/disclosure-snapshot";
import { listLayReviewsForHash } from "../lay-review/list-lay-reviews";

export interface PackReference {
  key: string;
  title: string;
  authors: string;
  containerTitle: string;
  year: number | null;
  doi: string | null;
  url: string | null;
  pmid: string | null;
}

export async function loadEvidencePack(db: Db, articleId: string, now = new Date()) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      status: true,
      firstPublishedAt: true,
      lastPublishedAt: true,
      reviewDueAt: true,
      overdueAction: true,
      fundingJson: true,
      ...REVISION_OF_RECORD_SELECT,
      draft: { select: { title: true } },
      authors: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  if (!article) throw new AppError("NOT_FOUND", "There is no such article.");
  // The live revision is what readers see; an article never published is packed at its latest frozen revision.
  const revisionId = revisionOfRecord(article);
  if (!revisionId) throw new AppError("CONFLICT", "This article has no frozen revision yet: there is nothing to pack.");

  const revision = await db.revision.findUniqueOrThrow({
    where: { id: revisionId },
    select: {
      id: true,
      number: true,
      title: true,
      summary: true,
      bodyHtml: true,
      referencesJson: true,
      contentHash: true,
      createdAt: true,
      changeSummary: true,
      author: { select: { name: true } },
      contributors: { select: { user: { select: { name: true } } } },
    },
  });

  const [reviews, publications, checkRuns, plagiarism, overrides, conflictOverrides, feedback, revisions, layReviews] =
    await Promise.all([
      db.review.findMany({
        where: { revisionId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          decision: true,
          statement: true,
          contentHash: true,
          credentialSnapshot: true,
          evidenceChecked: true,
          createdAt: true,
          voidedAt: true,
          voidReason: true,
          reviewer: { select: { id: true, name: true } },
        },
      }),
      db.publication.findMany({
        where: { revisionId },
        orderBy: { publishedAt: "asc" },
        select: {
          id: true,
          publishedAt: true,
          unpublishedAt: true,
          unpublishReason: true,
          changeSummary: true,
          disclosureJson: true,
          publishedBy: { select: { name: true } },
        },
      }),
      db.contentCheckRun.findMany({
        where: { revisionId },
        orderBy: { createdAt: "asc" },
        select: { id: true, createdAt: true, blocking: true, advisory: true, findingsJson: true },
      }),
      db.plagiarismReport.findMany({
        where: { revisionId },
        orderBy: { createdAt: "asc" },
        select: { id: true, checker: true, similarity: true, createdAt: true, matchesJson: true, parametersJson: true },
      }),
      db.gateOverride.findMany({
        where: { revisionId },
        select: { item: true, reason: true, createdAt: true, by: { select: { name: true } } },
      }),
      db.conflictOverride.findMany({
        where: { revisionId },
        orderBy: { createdAt: "asc" },
        select: { reason: true, createdAt: true, reviewer: { select: { name: true } }, by: { select: { name: true } } },
      }),
      db.feedback.findMany({
        where: { articleId },
        orderBy: { createdAt: "asc" },
        take: 5000,
        select: {
          id: true,
          createdAt: true,
          helpful: true,
          reason: true,
          comment: true,
          status: true,
          triagedAt: true,
          dismissReason: true,
          revision: { select: { number: true } },
          triagedBy: { select: { name: true } },
        },
      }),
      db.revision.findMany({ where: { articleId }, select: { id: true, reviews: { select: { id: true } } } }),
      listLayReviewsForHash(db, articleId, revision.contentHash),
    ]);
  // The declarations in force when the revision was approved (its latest standing approval); an unapproved
  // revision is shown with the declarations in force now, and says so.
  const lastApproval = reviews.filter((r) => r.decision === "APPROVED" && !r.voidedAt).at(-1) ?? null;
  const declarationsAt = lastApproval?.createdAt ?? now;
  const declarations = await loadDeclarationsInForce(db, articleId, declarationsAt);
  const published = publications.at(-1);
  const disclosure = parseDisclosure(published?.disclosureJson);

  const references = parseReferences(revision.referencesJson);
  const sources: StoredSourceState = await sourceState(db, references);
  const sourceRows = await db.sourceCheck.findMany({
    where: {
      OR: [
        { kind: "LINK", target: { in: references.flatMap((r) => (r.url ? [r.url] : [])) } },
        { kind: "UPDATES", target: { in: references.flatMap((r) => (r.doi ? [r.doi.toLowerCase()] : [])) } },
      ],
    },
    select: { kind: true, target: true, status: true, httpStatus: true, detail: true, checkedAt: true },
  });

  // The article's history: events about the article itself, its revisions and their reviews.
  const reviewIds = revisions.flatMap((r) => r.reviews.map((x) => x.id));
  const events = await db.auditEvent.findMany({
    where: { entityId: { in: [articleId, ...revisions.map((r) => r.id), ...reviewIds] } },
    orderBy: { id: "asc" },
    take: 10_000,
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      dataJson: true,
      prevHash: true,
      hash: true,
      actor: { select: { name: true } },
    },
  });
  const chain: ChainReport = await verifyAuditChain(db);

  return {
    generatedAt: now,
    article: {
      id: article.id,
      slug: article.slug,
      status: article.status,
      title: revision.title || article.draft?.title || article.slug,
      live: !!article.liveRevisionId,
      firstPublishedAt: article.firstPublishedAt,
      lastPublishedAt: article.lastPublishedAt,
      reviewDueAt: article.reviewDueAt,
      overdueAction: article.overdueAction,
      authors: article.authors.map((a) => a.user.name),
    },
    revision: {
      ...revision,
      author: revision.author.name,
      contributors: revision.contributors.map((c) => c.user.name),
      references,
    },
    reviews: reviews.map((r) => ({ ...r, credential: parseJsonObject(r.credentialSnapshot) })),
    publications,
    checkRuns: checkRuns.map((c) => ({ ...c, findings: parseJsonArray(c.findingsJson) })),
    plagiarism: plagiarism.map((p) => ({ ...p, matches: parseJsonArray(p.matchesJson) })),
    overrides,
    disclosure: {
      declarationsAt,
      atApproval: !!lastApproval,
      declarations,
      conflictOverrides,
      /** As stated on the page when this revision was published, else as recorded now. */
      funding: disclosure ? disclosure.funding : parseFunding(article.fundingJson),
      fundingAsPublished: !!disclosure,
      layReviews,
    },
    sources: { summary: sources, checks: sourceRows },
    feedback: feedback.map((f) => ({
      ...f,
      // How long the report waited for an editor (null while untriaged).
      hoursToTriage: f.triagedAt ? Math.round((f.triagedAt.getTime() - f.createdAt.getTime()) / 36e5) : null,
    })),
    events,
    chain,
  };
}

export type EvidencePack = Awaited<ReturnType<typeof loadEvidencePack>>;

function parseReferences(json: string): PackReference[] {
  return parseJsonArray(json).map((raw) => {
    const r = raw as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    return {
      key: str(r.key),
      title: str(r.title),
      authors: str(r.authors),
      containerTitle: str(r.containerTitle),
      year: typeof r.year === "number" ? r.year : null,
      doi: str(r.doi) || null,
      url: str(r.url) || null,
      pmid: str(r.pmid) || null,
    };
  });
}

function parseJsonArray(json: string): unknown[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function parseJsonObject(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
