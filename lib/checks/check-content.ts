// Content checks against the database: the project dictionary, a revision, the working draft; and the
// stored run (ContentCheckRun) that the review screen and the publish gate read.
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { runContentChecks, type CheckSummary } from "./run-checks";
import { toAudience, type Audience } from "./audience";
import { createWordChecker } from "./spelling";
import type { CheckInput, CheckReference, Finding } from "./types";
import { DEFAULT_READER_LOCALE, type ReaderLocale } from "../i18n/locales";

/** The project dictionary's words over the dictionary of the article's language. */
export async function projectWordChecker(db: DbTx, locale: ReaderLocale = DEFAULT_READER_LOCALE) {
  const words = await db.dictionaryWord.findMany({ select: { word: true } });
  return createWordChecker(
    words.map((w) => w.word),
    locale,
  );
}

/**
 * The public article page prints the medical disclaimer under every article (app/(public)/articles/[slug]/
 * page.tsx), so in this installation an article never lacks one and the rule stays quiet. A theme that
 * drops that block should set this to false: the rule then asks for the sentence in the article itself.
 */
export const SITE_PRINTS_DISCLAIMER = true;

/**
 * `audience` sets the readability target (the article's setting; the editor panel sends it); `locale`, the
 * article's language, picks the dictionary and the readability formula.
 */
export async function checkContent(
  db: DbTx,
  input: CheckInput & { audience?: Audience; locale?: ReaderLocale },
): Promise<CheckSummary> {
  const locale = input.locale ?? DEFAULT_READER_LOCALE;
  return runContentChecks(input, {
    words: await projectWordChecker(db, locale),
    siteDisclaimer: SITE_PRINTS_DISCLAIMER,
    audience: input.audience,
    locale,
  });
}

async function articleAudience(db: DbTx, articleId: string): Promise<Audience> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { audience: true } });
  return toAudience(article?.audience);
}

function referencesFromJson(json: string): CheckReference[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (r): r is CheckReference => !!r && typeof r === "object" && typeof (r as CheckReference).key === "string",
    );
  } catch {
    return [];
  }
}

/** Runs the checks on a frozen revision and stores the run. */
export async function checkRevisionContent(db: DbTx, revisionId: string) {
  const r = await db.revision.findUnique({ where: { id: revisionId } });
  if (!r) throw new AppError("NOT_FOUND", "That revision does not exist.");
  const summary = await checkContent(db, {
    title: r.title,
    summary: r.summary,
    conditionName: r.conditionName,
    body: r.bodyJson,
    references: referencesFromJson(r.referencesJson),
    audience: await articleAudience(db, r.articleId),
  });
  return db.contentCheckRun.create({
    data: {
      articleId: r.articleId,
      revisionId: r.id,
      findingsJson: JSON.stringify(summary.findings),
      blocking: summary.blocking,
      advisory: summary.advisory,
    },
  });
}

export interface StoredCheckRun {
  id: string;
  articleId: string;
  revisionId: string | null;
  findings: Finding[];
  blocking: number;
  advisory: number;
  createdAt: Date;
}

/** The latest stored run for a revision (what the gate reads), or null. */
export async function latestContentCheckRun(db: DbTx, revisionId: string): Promise<StoredCheckRun | null> {
  const row = await db.contentCheckRun.findFirst({
    where: { revisionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!row) return null;
  let findings: Finding[] = [];
  try {
    findings = JSON.parse(row.findingsJson) as Finding[];
  } catch {
    findings = [];
  }
  return {
    id: row.id,
    articleId: row.articleId,
    revisionId: row.revisionId,
    findings,
    blocking: row.blocking,
    advisory: row.advisory,
    createdAt: row.createdAt,
  };
}
