// Conflicts of interest that hold a reviewer's approval: their declaration in force names an organisation the
// article names as funder or sponsor (normalised name match), or they declared a conflict on this article.
// Such a reviewer may approve a revision only after an editor's written override for that revision and that
// reviewer (ConflictOverride, audited). Checked inside the approval's transaction (lib/review/decide-review.ts).
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { recordAuditEvent } from "../audit/record-event";
import { sharedOrganisations } from "./declaration-kinds";
import { fundingOrganisations, parseFunding } from "./article-funding";
import { currentDeclaration } from "./load-declarations";

export interface ApprovalConflict {
  /** Organisations named both in the reviewer's declaration and as the article's funder or sponsor. */
  organisations: string[];
  /** Conflicts the reviewer declared on this article. */
  articleInterests: string[];
  /** The editor's override for this revision, if one was given. */
  override: { reason: string; byName: string; createdAt: Date } | null;
}

/** null when nothing holds the reviewer's approval of this article. */
export async function findApprovalConflict(
  db: DbTx,
  articleId: string,
  revisionId: string,
  reviewerId: string,
  at: Date = new Date(),
): Promise<ApprovalConflict | null> {
  const [article, declaration, interests, override] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { fundingJson: true } }),
    currentDeclaration(db, reviewerId, at),
    db.articleInterest.findMany({
      where: { articleId, userId: reviewerId },
      orderBy: { createdAt: "asc" },
      select: { statement: true },
    }),
    db.conflictOverride.findUnique({
      where: { revisionId_reviewerId: { revisionId, reviewerId } },
      select: { reason: true, createdAt: true, by: { select: { name: true } } },
    }),
  ]);
  if (!article) return null;
  const organisations = sharedOrganisations(
    declaration?.organisations ?? [],
    fundingOrganisations(parseFunding(article.fundingJson)),
  );
  const articleInterests = interests.map((i) => i.statement);
  if (!organisations.length && !articleInterests.length) return null;
  return {
    organisations,
    articleInterests,
    override: override ? { reason: override.reason, byName: override.by.name, createdAt: override.createdAt } : null,
  };
}

export function describeConflict(c: Pick<ApprovalConflict, "organisations" | "articleInterests">): string {
  const parts: string[] = [];
  if (c.organisations.length)
    parts.push(`declared an interest in ${c.organisations.join(", ")}, which funds or sponsors this article`);
  if (c.articleInterests.length)
    parts.push(`declared a conflict on this article (“${c.articleInterests.join("”; “")}”)`);
  return parts.join(" and ");
}

/** Throws unless the reviewer is free of conflicts on the article or an editor overrode them for this revision. */
export async function assertNoHeldConflict(db: DbTx, articleId: string, revisionId: string, reviewerId: string) {
  const conflict = await findApprovalConflict(db, articleId, revisionId, reviewerId);
  if (conflict && !conflict.override)
    throw new AppError(
      "FORBIDDEN",
      `You ${describeConflict(conflict)}. You cannot approve it unless an editor gives a written override; you can still request changes or comment.`,
      { details: { reason: "conflict_of_interest", organisations: conflict.organisations } },
    );
  return conflict;
}

export const declareArticleInterestSchema = z.object({
  articleId: z.string().min(1, "The article is missing; reload the page."),
  statement: z
    .string({ error: "Describe the conflict." })
    .trim()
    .min(10, "Describe the conflict (at least 10 characters).")
    .max(2000, "Keep the description under 2000 characters."),
});
export type DeclareArticleInterestInput = z.output<typeof declareArticleInterestSchema>;

/** A reviewer (or writer) declares a conflict on one article. */
export async function declareArticleInterest(db: Db, actor: Actor, input: DeclareArticleInterestInput) {
  assertCan(actor, "declarations.own", "declare a conflict of interest");
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { id: true, currentRevisionId: true },
    });
    if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
    const interest = await tx.articleInterest.create({
      data: {
        articleId: article.id,
        userId: actor.id,
        revisionId: article.currentRevisionId,
        statement: input.statement,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.interest_declared",
      entityType: "Article",
      entityId: article.id,
      data: { interestId: interest.id, revisionId: article.currentRevisionId, statement: input.statement },
    });
    return interest;
  });
}

export const overrideConflictSchema = z.object({
  articleId: z.string().min(1, "The article is missing; reload the page."),
  revisionId: z.string().min(1, "The revision is missing; reload the page."),
  reviewerId: z.string().min(1, "Choose the reviewer."),
  reason: z
    .string({ error: "Write the reason for the override." })
    .trim()
    .min(10, "Write the reason for the override (at least 10 characters): it is kept in the audit log.")
    .max(2000, "Keep the reason under 2000 characters."),
});
export type OverrideConflictInput = z.output<typeof overrideConflictSchema>;

/** An editor lets one reviewer with a declared conflict approve the current revision, with a written reason. */
export async function overrideConflict(db: Db, actor: Actor, input: OverrideConflictInput) {
  assertCan(actor, "conflict.override", "override a reviewer's conflict of interest");
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: { currentRevisionId: true },
    });
    if (!article) throw new AppError("NOT_FOUND", "That article does not exist.");
    if (article.currentRevisionId !== input.revisionId)
      throw new AppError("CONFLICT", "A newer revision exists; reload the page.");
    if (input.reviewerId === actor.id)
      throw new AppError("FORBIDDEN", "You cannot override your own conflict of interest: ask another editor.");
    const conflict = await findApprovalConflict(tx, input.articleId, input.revisionId, input.reviewerId);
    if (!conflict) throw new AppError("CONFLICT", "This reviewer has no declared conflict on this article.");
    if (conflict.override) throw new AppError("CONFLICT", "This reviewer's conflict was already overridden.");
    const override = await tx.conflictOverride.create({
      data: {
        articleId: input.articleId,
        revisionId: input.revisionId,
        reviewerId: input.reviewerId,
        byId: actor.id,
        reason: input.reason,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "article.conflict_overridden",
      entityType: "Article",
      entityId: input.articleId,
      data: {
        overrideId: override.id,
        revisionId: input.revisionId,
        reviewerId: input.reviewerId,
        organisations: conflict.organisations,
        articleInterests: conflict.articleInterests,
        reason: input.reason,
      },
    });
    return override;
  });
}

/** The held conflicts of the reviewers assigned to or deciding on the article's current revision (editor view). */
export async function listReviewerConflicts(db: DbTx, articleId: string) {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { currentRevisionId: true } });
  if (!article?.currentRevisionId) return [];
  const revisionId = article.currentRevisionId;
  const [assignments, interests, declarers] = await Promise.all([
    db.reviewAssignment.findMany({ where: { articleId }, select: { reviewerId: true } }),
    db.articleInterest.findMany({ where: { articleId }, select: { userId: true } }),
    db.user.findMany({
      where: {
        status: "ACTIVE",
        roles: { some: { role: "REVIEWER" } },
        declarations: { some: { supersededAt: null } },
      },
      select: { id: true },
    }),
  ]);
  const ids = [
    ...new Set([
      ...assignments.map((a) => a.reviewerId),
      ...interests.map((i) => i.userId),
      ...declarers.map((d) => d.id),
    ]),
  ];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const out: Array<{ reviewerId: string; name: string; revisionId: string; conflict: ApprovalConflict }> = [];
  for (const u of users) {
    const conflict = await findApprovalConflict(db, articleId, revisionId, u.id);
    if (conflict) out.push({ reviewerId: u.id, name: u.name, revisionId, conflict });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
