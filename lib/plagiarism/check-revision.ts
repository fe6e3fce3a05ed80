// Runs a plagiarism check for one frozen revision and stores the report.
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import type { PlagiarismChecker, PlagiarismResult } from "./checker";
import { extractCheckableText } from "./extract-text";
import { indexSource } from "./fingerprint-index";
import { matchText } from "./match-text";
import { plagiarismIndexCoverage } from "./index-coverage";

export const WINNOWING_CHECKER = "imprimatur-winnowing";

/**
 * Imprimatur's own checker: winnowing over the SQLite index, the article's own revisions left out, and only
 * articles in the same language compared (when the input says which).
 */
export function winnowingChecker(db: DbTx): PlagiarismChecker {
  return {
    name: WINNOWING_CHECKER,
    check: (input) => matchText(db, input.text, { excludeArticleId: input.articleId, locale: input.locale }),
  };
}

export function revisionCheckableText(r: { title: string; summary: string; bodyJson: string }): string {
  return extractCheckableText({ title: r.title, summary: r.summary, body: r.bodyJson });
}

/** Adds a frozen revision to the index (so later articles are checked against it). Idempotent. */
export async function indexRevision(db: DbTx, revisionId: string): Promise<void> {
  const r = await db.revision.findUnique({
    where: { id: revisionId },
    select: { id: true, articleId: true, title: true, summary: true, bodyJson: true },
  });
  if (!r) throw new AppError("NOT_FOUND", "That revision does not exist.");
  const text = revisionCheckableText(r);
  await indexSource(db, { kind: "REVISION", sourceId: r.id, articleId: r.articleId, text }, text);
}

/** Stores a result from any checker as the revision's latest report. */
export async function storePlagiarismReport(db: DbTx, revisionId: string, checker: string, result: PlagiarismResult) {
  return db.plagiarismReport.create({
    data: {
      revisionId,
      checker,
      similarity: result.similarity,
      parametersJson: JSON.stringify({ ...result.parameters, wordCount: result.wordCount }),
      matchesJson: JSON.stringify(result.matches),
    },
  });
}

/**
 * Checks a revision and stores the report. With Imprimatur's own checker the report also records how much of
 * the index the check saw (`indexComplete`, `indexedSources`, `totalSources`): while a rebuild is under way
 * the report says so instead of passing as a full check.
 */
export async function checkRevisionPlagiarism(db: DbTx, revisionId: string, checker?: PlagiarismChecker) {
  const r = await db.revision.findUnique({
    where: { id: revisionId },
    select: {
      id: true,
      articleId: true,
      title: true,
      summary: true,
      bodyJson: true,
      article: { select: { locale: true } },
    },
  });
  if (!r) throw new AppError("NOT_FOUND", "That revision does not exist.");
  const c = checker ?? winnowingChecker(db);
  const result = await c.check({
    revisionId: r.id,
    articleId: r.articleId,
    locale: r.article.locale,
    text: revisionCheckableText(r),
  });
  if (c.name === WINNOWING_CHECKER) {
    const coverage = await plagiarismIndexCoverage(db);
    result.parameters = {
      ...result.parameters,
      indexComplete: coverage.complete,
      indexedSources: coverage.indexed,
      totalSources: coverage.total,
    };
  }
  return storePlagiarismReport(db, r.id, c.name, result);
}
