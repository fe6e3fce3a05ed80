// Everything the review screen shows for one article, for one viewer: the frozen revision split into
// top-level blocks (so comments can anchor to them), the diff against an earlier revision (by default the
// one this viewer last reviewed or commented on, else the last approved or published one, else the previous
// one: lib/review/review-baselines.ts), the latest content checks and plagiarism report, the comment threads,
// past decisions, and which workflow actions this viewer may take now (with the reason when a reviewer may not
// sign off), and what they may do with the article and each comment thread (lib/articles/article-access.ts).
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { loadArticleAccess } from "../articles/article-access";
import { parseDocument, type BlockNode } from "../content/document-schema";
import { renderDocument, renderReferenceList } from "../content/render";
import { toCitationStyle } from "../references/citation-styles";
import { formatDocumentReferences } from "../references/format-revision-references";
import { parseReferencesJson } from "../content/reference-snapshot";
import { blockText } from "../content/text";
import { compareVersions, type ComparedVersions } from "../revisions/compare-versions";
import { loadReviewBaselines } from "./review-baselines";
import { latestContentCheckRun } from "../checks/check-content";
import { latestPlagiarismReport } from "../plagiarism/read-report";
import { parseCredentialSnapshot, CREDENTIAL_STANDING_TEXT } from "../credentials/credential-standing";
import { getSetting } from "../settings/settings";
import { checkTransition, type TransitionName } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { listReviewComments } from "./list-review-comments";
import { approvalStatement } from "./decide-review";
import { parseImagesJson } from "../content/image-snapshot";
import { diffImages, type ImageChange } from "../revisions/diff-images";
import { sourcesByAge } from "./sources-by-age";

/** What a comment on this block is called; null where comments do not anchor: headings (they title what
 *  follows) and empty blocks (the template's placeholders). Images have no words of their own but can be
 *  remarked on. */
function commentTarget(block: BlockNode, text: string): string | null {
  if (block.type === "image") return "image";
  if (block.type === "heading" || text.trim() === "") return null;
  if (block.type === "bulletList" || block.type === "orderedList") return "list";
  if (block.type === "blockquote") return "quote";
  return "paragraph";
}

const DIFF_NAMES = { title: "title", summary: "summary", conditionName: "conditionName" } as const;

export async function loadReviewScreen(
  db: DbTx,
  actor: Actor,
  articleId: string,
  options: { compareWith?: string } = {},
) {
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
  const blocks = rendered.blocks.map((html, i) => {
    const text = blockText(doc.content[i]);
    return { index: i, html, text: text.slice(0, 300), commentOn: commentTarget(doc.content[i], text) };
  });
  // In the article's citation style, as readers will see the list once it is published.
  const style = await db.article.findUnique({ where: { id: articleId }, select: { citationStyle: true } });
  const referencesHtml = renderReferenceList(
    rendered.orderedReferences,
    formatDocumentReferences(doc, refs, toCitationStyle(style?.citationStyle)),
  );

  const citationStyle = toCitationStyle(style?.citationStyle);
  const baselines = await loadReviewBaselines(db, actor, { articleId, number: rev.number }, options.compareWith);
  const baseline = baselines.selected
    ? await db.revision.findUniqueOrThrow({ where: { id: baselines.selected.id } })
    : null;
  let compared: ComparedVersions | null = null;
  let imageChanges: ImageChange[] = [];
  if (baseline) {
    imageChanges = diffImages(parseImagesJson(baseline.imagesJson), images);
    const v = (r: typeof rev | typeof baseline) => ({
      title: r.title,
      summary: r.summary,
      conditionName: r.conditionName,
      body: parseDocument(r.bodyJson),
      references: parseReferencesJson(r.referencesJson),
    });
    compared = compareVersions(v(baseline), v(rev), citationStyle);
  }

  const [checkRun, plagiarism, threshold, maxSourceAgeYears, decisions] = await Promise.all([
    latestContentCheckRun(db, rev.id),
    latestPlagiarismReport(db, rev.id, actor),
    getSetting(db, "plagiarism.thresholdPercent"),
    getSetting(db, "evidence.maxSourceAgeYears"),
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
    baselines,
    compared,
    imageChanges,
    diffFieldNames: DIFF_NAMES,
    checkRun,
    plagiarism: plagiarism ? { ...plagiarism, threshold } : null,
    // A live article under review again: the reviewer confirms the evidence was checked (sources by age below).
    reReview: ctx.isLive,
    sources: {
      maxAgeYears: maxSourceAgeYears,
      byAge: sourcesByAge(
        refs.map((r) => ({ key: r.key, title: r.title, year: r.year ?? null })),
        maxSourceAgeYears,
        new Date(),
      ),
    },
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
