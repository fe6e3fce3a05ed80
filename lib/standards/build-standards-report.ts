// The standards report: for each criterion of one standard, which live articles have the evidence and which do
// not, with the reason, per article and site-wide. Reads every live article's evidence in a fixed number of
// queries (no per-article query), then runs the checks in memory.
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { getSettings } from "../settings/settings";
import { verifyAuditChain } from "../audit/verify-chain";
import { standingApprovalWhere } from "../public/live-filter";
import {
  EVIDENCE_CHECKS,
  type ArticleEvidence,
  type CheckResult,
  type EvidenceCheckId,
  type EvidenceContext,
} from "./evidence-checks";
import type { StandardMapping } from "./standard-mappings";
import { parseDisclosure } from "../declarations/disclosure-snapshot";

const FEEDBACK_TRIAGE_DAYS = 14;
const MAX_ARTICLES = 1000;

export interface CriterionResult {
  criterionId: string;
  /** No check maps to it: evidenced outside Imprimatur. */
  outside: boolean;
  ok: boolean;
  /** The failed checks' reasons (or the passed ones' when all pass). */
  reasons: Array<{ check: EvidenceCheckId; label: string } & CheckResult>;
}

export interface ArticleRow {
  articleId: string;
  slug: string;
  title: string;
  criteria: CriterionResult[];
  missing: number;
}

export async function buildStandardsReport(db: Db, actor: Actor, standard: StandardMapping, now = new Date()) {
  assertCan(actor, "evidence.read", "see the standards report");
  const settings = await getSettings(db);
  const chain = await verifyAuditChain(db);
  const ctx: EvidenceContext = {
    now,
    maxSourceAgeYears: settings["evidence.maxSourceAgeYears"],
    plagiarismThresholdPercent: settings["plagiarism.thresholdPercent"],
    feedbackTriageDays: FEEDBACK_TRIAGE_DAYS,
    chainVerifies: chain.ok,
    chainProblem: chain.firstBroken ? `event #${chain.firstBroken.id}: ${chain.firstBroken.problem}` : null,
  };
  const evidence = await loadArticleEvidence(db, now);

  const rows: ArticleRow[] = evidence.map(({ id, slug, title, facts }) => {
    const results = new Map<EvidenceCheckId, CheckResult>();
    const run = (check: EvidenceCheckId) => {
      if (!results.has(check)) results.set(check, EVIDENCE_CHECKS[check].run(facts, ctx));
      return results.get(check)!;
    };
    const criteria = standard.criteria.map((c): CriterionResult => {
      const all = c.checks.map((check) => ({ check, label: EVIDENCE_CHECKS[check].label, ...run(check) }));
      const failed = all.filter((r) => !r.ok);
      return {
        criterionId: c.id,
        outside: c.checks.length === 0,
        ok: c.checks.length > 0 && failed.length === 0,
        reasons: failed.length ? failed : all,
      };
    });
    return {
      articleId: id,
      slug,
      title,
      criteria,
      missing: criteria.filter((c) => !c.outside && !c.ok).length,
    };
  });

  const siteWide = standard.criteria.map((c, i) => {
    const withEvidence = rows.filter((r) => r.criteria[i].ok).length;
    // The most common reason the evidence is missing, so the summary says why, not only how many.
    const reasons = new Map<string, number>();
    for (const r of rows)
      for (const x of r.criteria[i].reasons) if (!x.ok) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
    const topReasons = [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    return {
      criterion: c,
      outside: c.checks.length === 0,
      withEvidence,
      without: rows.length - withEvidence,
      topReasons: topReasons.map(([reason, count]) => ({ reason, count })),
    };
  });

  return { standard, generatedAt: now, chain, articles: rows, siteWide };
}

export type StandardsReport = Awaited<ReturnType<typeof buildStandardsReport>>;

async function loadArticleEvidence(db: Db, now: Date) {
  const articles = await db.article.findMany({
    where: { liveRevisionId: { not: null } },
    orderBy: { slug: "asc" },
    take: MAX_ARTICLES,
    select: {
      id: true,
      slug: true,
      reviewDueAt: true,
      _count: { select: { publications: true } },
      liveRevision: {
        select: {
          title: true,
          contentHash: true,
          referencesJson: true,
          // What readers were told about funding and interests when this revision was (last) published.
          publications: { orderBy: { publishedAt: "desc" }, take: 1, select: { disclosureJson: true } },
          reviews: {
            where: standingApprovalWhere,
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { evidenceChecked: true, credential: { select: { status: true, expiresAt: true } } },
          },
          checkRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { blocking: true } },
          plagiarism: { orderBy: { createdAt: "desc" }, take: 1, select: { similarity: true } },
        },
      },
    },
  });
  const refsOf = new Map(articles.map((a) => [a.id, parseRefs(a.liveRevision?.referencesJson ?? "[]")]));
  const dois = [...new Set([...refsOf.values()].flat().flatMap((r) => (r.doi ? [r.doi.toLowerCase()] : [])))];
  const hashes = [...new Set(articles.map((a) => a.liveRevision!.contentHash))];
  const [retracted, waiting, layReviews] = await Promise.all([
    dois.length
      ? db.sourceCheck.findMany({
          where: { kind: "UPDATES", status: "RETRACTED", target: { in: dois } },
          select: { target: true },
        })
      : [],
    db.feedback.groupBy({
      by: ["articleId"],
      where: { status: "NEW", createdAt: { lt: new Date(now.getTime() - FEEDBACK_TRIAGE_DAYS * 86_400_000) } },
      _count: { _all: true },
    }),
    hashes.length
      ? db.layReview.findMany({
          where: { contentHash: { in: hashes } },
          select: { contentHash: true, invite: { select: { articleId: true } } },
        })
      : [],
  ]);
  const layCount = new Map<string, number>();
  for (const l of layReviews) {
    const key = `${l.invite.articleId} ${l.contentHash}`;
    layCount.set(key, (layCount.get(key) ?? 0) + 1);
  }
  const retractedSet = new Set(retracted.map((r) => r.target));
  const waitingBy = new Map(waiting.map((w) => [w.articleId, w._count._all]));

  return articles.map((a) => {
    const rev = a.liveRevision!;
    const approval = rev.reviews[0];
    const references = refsOf.get(a.id)!;
    const facts: ArticleEvidence = {
      live: true,
      reviewDueAt: a.reviewDueAt,
      approval: approval
        ? {
            credentialVerified: approval.credential?.status === "VERIFIED",
            credentialExpiresAt: approval.credential?.expiresAt ?? null,
            evidenceChecked: approval.evidenceChecked,
          }
        : null,
      reReview: a._count.publications > 1,
      references,
      retractedDois: references.flatMap((r) => (r.doi && retractedSet.has(r.doi.toLowerCase()) ? [r.doi] : [])),
      latestCheckRun: rev.checkRuns[0] ?? null,
      plagiarism: rev.plagiarism[0] ?? null,
      untriagedFeedbackOlderThanDays: waitingBy.get(a.id) ?? 0,
      disclosure: parseDisclosure(rev.publications[0]?.disclosureJson),
      layReviews: layCount.get(`${a.id} ${rev.contentHash}`) ?? 0,
    };
    return { id: a.id, slug: a.slug, title: rev.title, facts };
  });
}

function parseRefs(json: string): Array<{ year: number | null; doi: string | null }> {
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v.map((r: Record<string, unknown>) => ({
      year: typeof r.year === "number" ? r.year : null,
      doi: typeof r.doi === "string" && r.doi ? r.doi : null,
    }));
  } catch {
    return [];
  }
}
