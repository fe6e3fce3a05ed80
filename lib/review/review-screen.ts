// Everything the review screen shows for one article, for one viewer: the frozen revision split into
// top-level blocks (so comments can anchor to them), the diff against the last approved or published
// revision, the latest content checks and plagiarism report, the comment threads, past decisions, and which
// workflow actions this viewer may take now (with the reason when a reviewer may not sign off), and what they
// may do with the article and each comment thread (lib/articles/article-access.ts).
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { loadArticleAccess } from "../articles/article-access";
import { parseDocument } from "../content/document-schema";
import { renderDocument, renderReferenceList } from "../content/render";
import { toCitationStyle } from "../references/citation-styles";
import { formatDocumentReferences } from "../references/format-revision-references";
import { parseReferencesJson } from "../content/reference-snapshot";
import { blockText } from "../content/text";
import { diffVersions, type VersionDiff } from "../revisions/diff-revisions";
import { latestContentCheckRun } from "../checks/check-content";
import { latestPlagiarismReport } from "../plagiarism/read-report";
import { parseCredentialSnapshot, CREDENTIAL_STANDING_TEXT } from "../credentials/credential-standing";
import { getSetting } from "../settings/settings";
import { checkTransition, type TransitionName } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { listReviewComments } from "./review-comments";
import { approvalStatement } from "./decide-review";
import { parseImagesJson } from "../content/image-snapshot";
import { diffImages, type ImageChange } from "../revisions/diff-images";

const DIFF_NAMES = { title: "title", summary: "summary", conditionName: "conditionName" } as const;

export async function loadReviewScreen(db: DbTx, actor: Actor, articleId: string) {
  const access = await loadArticleAccess(db, actor, articleId);
  if (!access.may.read) throw new AppError("NOT_FOUND", "This article does not exist or you may not see it.");
  const { ctx, article } = await loadTransitionContext(db, articleId, actor);
  const check = (n: TransitionName) => checkTransition(n, actor, ctx);
  const may = {
    submit: check("submit"),
    withdraw: check("withdraw"),
    approve: check("approve"),
    requestChanges: check("requestChanges"),
  };
  // Each thread carries what this viewer may do with it, so the page shows exactly the buttons the server allows.
  const comments = (await listReviewComments(db, articleId)).map((c) => ({ ...c, may: access.onComment(c) }));
  const base = {
    article,
    ctx,
    may,
    access: access.may,
    comments,
    standing: { code: ctx.actorCredential, text: CREDENTIAL_STANDING_TEXT[ctx.actorCredential] },
  };
  if (!article.currentRevisionId) return { ...base, revision: null };

  const rev = await db.revision.findUniqueOrThrow({
    where: { id: article.currentRevisionId },
    include: { author: { select: { name: true } }, contributors: { include: { user: { select: { name: true } } } } },
  });
  const doc = parseDocument(rev.bodyJson);
  const refs = parseReferencesJson(rev.referencesJson);
  const images = parseImagesJson(rev.imagesJson);
  const rendered = renderDocument(doc, refs, images);
  const blocks = rendered.blocks.map((html, i) => ({ index: i, html, text: blockText(doc.content[i]).slice(0, 300) }));
  // In the article's citation style, as readers will see the list once it is published.
  const style = await db.article.findUnique({ where: { id: articleId }, select: { citationStyle: true } });
  const referencesHtml = renderReferenceList(
    rendered.orderedReferences,
    formatDocumentReferences(doc, refs, toCitationStyle(style?.citationStyle)),
  );

  // Baseline for the diff: the latest earlier revision that went live or was approved (and not voided).
  const baseline = await db.revision.findFirst({
    where: {
      articleId,
      number: { lt: rev.number },
      OR: [{ publications: { some: {} } }, { reviews: { some: { decision: "APPROVED", voidedAt: null } } }],
    },
    orderBy: { number: "desc" },
  });
  let diff: VersionDiff | null = null;
  let imageChanges: ImageChange[] = [];
  if (baseline) {
    imageChanges = diffImages(parseImagesJson(baseline.imagesJson), images);
    const v = (r: typeof rev | typeof baseline) => ({
      title: r!.title,
      summary: r!.summary,
      conditionName: r!.conditionName,
      body: parseDocument(r!.bodyJson),
      references: parseReferencesJson(r!.referencesJson),
    });
    diff = diffVersions(v(baseline), v(rev));
  }

  const [checkRun, plagiarism, threshold, decisions] = await Promise.all([
    latestContentCheckRun(db, rev.id),
    latestPlagiarismReport(db, rev.id, actor),
    getSetting(db, "plagiarism.thresholdPercent"),
    db.review.findMany({
      where: { revision: { articleId } },
      orderBy: { createdAt: "desc" },
      include: { reviewer: { select: { name: true } }, revision: { select: { number: true } } },
    }),
  ]);

  return {
    ...base,
    revision: {
      id: rev.id,
      number: rev.number,
      title: rev.title,
      summary: rev.summary,
      changeSummary: rev.changeSummary,
      contentHash: rev.contentHash,
      createdAt: rev.createdAt,
      authorName: rev.author.name,
      contributorNames: rev.contributors.map((c) => c.user.name),
      blocks,
      referencesHtml,
      statement: approvalStatement(rev.number, rev.contentHash),
    },
    baseline: baseline ? { id: baseline.id, number: baseline.number } : null,
    diff,
    imageChanges,
    diffFieldNames: DIFF_NAMES,
    checkRun,
    plagiarism: plagiarism ? { ...plagiarism, threshold } : null,
    decisions: decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      revisionNumber: d.revision.number,
      reviewerName: d.reviewer.name,
      snapshot: parseCredentialSnapshot(d.credentialSnapshot),
      statement: d.statement,
      createdAt: d.createdAt,
      voidedAt: d.voidedAt,
      voidReason: d.voidReason,
    })),
  };
}
export type ReviewScreen = Awaited<ReturnType<typeof loadReviewScreen>>;
