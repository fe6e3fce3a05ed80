// A medical reviewer's decision on the revision under review: approve (with an explicit statement) or
// request changes (with a comment). The approval is bound to the revision id and the content hash the
// reviewer read, and stores a snapshot of their credential as it is at this moment.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";
import { formCheckbox } from "../validation";
import { recordAuditEvent } from "../audit/record-event";
import { queueNotifications } from "../notifications/queue-notification";
import { bestCredential, credentialSnapshot } from "../credentials/credential-standing";
import { assertTransition, TRANSITIONS } from "../workflow/state-machine";
import { loadTransitionContext } from "../workflow/load-transition-context";
import { publishPath, reviewPath } from "../workflow/links";
import { completeAssignment } from "../assignments/assign-reviewers";
import { assertNoHeldConflict } from "../declarations/approval-conflicts";

/** The words an approving reviewer confirms; stored with the approval. */
export function approvalStatement(revisionNumber: number, contentHash: string): string {
  return `I have reviewed revision ${revisionNumber} of this article (content hash ${contentHash.slice(0, 12)}…) for medical accuracy and approve it for publication.`;
}

const base = {
  articleId: z.string().min(1),
  revisionId: z.string().min(1, "The revision is missing; reload the page."),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, "The content hash is missing; reload the page."),
};

export const EVIDENCE_CHECK_REQUIRED =
  "This page is already live, so this is a re-review: check the evidence again and tick this box before approving.";

export const approveRevisionSchema = z.object({
  ...base,
  attest: formCheckbox(z.literal(true, { error: "Tick the statement to confirm your approval." })),
  // At re-review: "I checked the evidence" (sources' age, newer versions, corrections, retractions). Required by
  // approveRevision when the article already has a live revision; recorded with the approval.
  evidenceChecked: formCheckbox(z.literal(true)).optional(),
  note: z.string().trim().max(2000, "Keep the note under 2000 characters.").optional(),
});
export type ApproveRevisionInput = z.output<typeof approveRevisionSchema>;

export const requestChangesSchema = z.object({
  ...base,
  summary: z
    .string({ error: "Say what needs to change." })
    .trim()
    .min(10, "Say what needs to change (at least 10 characters).")
    .max(5000, "Keep the summary under 5000 characters."),
});
export type RequestChangesInput = z.output<typeof requestChangesSchema>;

async function loadForDecision(
  tx: DbTx,
  actor: Actor,
  name: "approve" | "requestChanges",
  data: { articleId: string; revisionId: string; contentHash: string },
) {
  const loaded = await loadTransitionContext(tx, data.articleId, actor);
  const to = assertTransition(name, actor, loaded.ctx);
  if (loaded.article.currentRevisionId !== data.revisionId) {
    throw new AppError(
      "CONFLICT",
      "A newer revision was submitted while you were reading. Reload to review the current one.",
    );
  }
  const revision = await tx.revision.findUniqueOrThrow({ where: { id: data.revisionId } });
  if (revision.contentHash !== data.contentHash) {
    throw new AppError(
      "CONFLICT",
      "The content you read is not the content of this revision. Reload and review it again.",
    );
  }
  return { ...loaded, to, revision };
}

async function people(tx: DbTx, articleId: string, revisionId: string) {
  const [authors, contributors] = await Promise.all([
    tx.articleAuthor.findMany({ where: { articleId }, select: { userId: true } }),
    tx.revisionContributor.findMany({ where: { revisionId }, select: { userId: true } }),
  ]);
  return [...authors, ...contributors].map((x) => x.userId);
}

export async function approveRevision(db: Db, actor: Actor, input: ApproveRevisionInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { to, revision, article, ctx } = await loadForDecision(tx, actor, "approve", data);
    // A re-review (the article is already live) is approved only with the evidence checked again.
    if (ctx.isLive && data.evidenceChecked !== true)
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
        fieldErrors: { evidenceChecked: [EVIDENCE_CHECK_REQUIRED] },
      });
    // A declared conflict (an interest in the article's funder or sponsor, or one declared on the article)
    // holds the approval until an editor overrides it in writing for this revision.
    const conflict = await assertNoHeldConflict(tx, article.id, revision.id, actor.id);
    const creds = await tx.credential.findMany({
      where: { userId: actor.id },
      include: { verifiedBy: { select: { name: true } } },
    });
    const { credential } = bestCredential(creds);
    // assertTransition already required a VALID standing; this keeps the type checker and a race honest.
    if (!credential) throw new AppError("FORBIDDEN", "You need a verified, unexpired credential to sign off.");
    const snapshot = credentialSnapshot(credential, credential.verifiedBy?.name ?? null);
    // High-risk articles need independent approvals of the same revision by different people.
    const earlier = await tx.review.findMany({
      where: { revisionId: revision.id, decision: "APPROVED", voidedAt: null, contentHash: revision.contentHash },
      select: { reviewerId: true },
    });
    if (earlier.some((r) => r.reviewerId === actor.id))
      throw new AppError(
        "CONFLICT",
        "You have already approved this revision: it is waiting for another reviewer's approval.",
      );
    const approvals = new Set([...earlier.map((r) => r.reviewerId), actor.id]).size;
    const required = Math.max(1, article.requiredApprovals);
    const status = approvals >= required ? to : ctx.status;
    const statement =
      approvalStatement(revision.number, revision.contentHash) + (data.note ? `\n\nNote: ${data.note}` : "");
    const review = await tx.review.create({
      data: {
        revisionId: revision.id,
        reviewerId: actor.id,
        credentialId: credential.id,
        decision: "APPROVED",
        statement,
        contentHash: revision.contentHash,
        credentialSnapshot: JSON.stringify(snapshot),
        evidenceChecked: data.evidenceChecked === true,
      },
    });
    await tx.article.update({ where: { id: article.id }, data: { status } });
    await completeAssignment(tx, article.id, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.approve.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: {
        from: ctx.status,
        to: status,
        approvals,
        requiredApprovals: required,
        reviewId: review.id,
        revisionId: revision.id,
        contentHash: revision.contentHash,
        credentialId: credential.id,
        ...(conflict?.override
          ? {
              conflictOverride: {
                organisations: conflict.organisations,
                articleInterests: conflict.articleInterests,
                reason: conflict.override.reason,
                byName: conflict.override.byName,
              },
            }
          : {}),
        evidenceChecked: review.evidenceChecked,
      },
    });
    const editors = await tx.user.findMany({
      where: { status: "ACTIVE", roles: { some: { role: "EDITOR" } } },
      select: { id: true },
    });
    const approved = {
      kind: "APPROVED" as const,
      title:
        approvals >= required
          ? `Approved: “${revision.title}”`
          : `Approval ${approvals} of ${required}: “${revision.title}”`,
      body:
        approvals >= required
          ? `${snapshot.displayName}, ${snapshot.postNominals} approved revision ${revision.number}. It can now be published.`
          : `${snapshot.displayName}, ${snapshot.postNominals} approved revision ${revision.number}. This article needs ${required} independent approvals; ${required - approvals} more to go.`,
    };
    const writers = (await people(tx, article.id, revision.id)).filter((id) => !editors.some((e) => e.id === id));
    // Editors go to the publish screen; writers (who cannot publish) to the review screen.
    await queueNotifications(
      tx,
      editors.map((e) => e.id),
      { ...approved, link: publishPath(article.id) },
      actor.id,
    );
    await queueNotifications(tx, writers, { ...approved, link: reviewPath(article.id) }, actor.id);
    return review;
  });
}

export async function requestChanges(db: Db, actor: Actor, input: RequestChangesInput) {
  const data = input;
  return db.$transaction(async (tx) => {
    const { to, revision, article, ctx } = await loadForDecision(tx, actor, "requestChanges", data);
    const creds = await tx.credential.findMany({
      where: { userId: actor.id },
      include: { verifiedBy: { select: { name: true } } },
    });
    const { credential } = bestCredential(creds);
    const review = await tx.review.create({
      data: {
        revisionId: revision.id,
        reviewerId: actor.id,
        credentialId: credential?.id ?? null,
        decision: "CHANGES_REQUESTED",
        statement: data.summary,
        contentHash: revision.contentHash,
        credentialSnapshot: credential
          ? JSON.stringify(credentialSnapshot(credential, credential.verifiedBy?.name ?? null))
          : "{}",
      },
    });
    await completeAssignment(tx, article.id, actor.id);
    // The summary becomes an article-level comment too, so the writer can answer and resolve it like the others.
    await tx.reviewComment.create({
      data: {
        articleId: article.id,
        revisionId: revision.id,
        authorId: actor.id,
        body: data.summary,
        blockIndex: null,
      },
    });
    await tx.article.update({ where: { id: article.id }, data: { status: to } });
    const open = await tx.reviewComment.count({ where: { revisionId: revision.id, parentId: null, resolvedAt: null } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: TRANSITIONS.requestChanges.auditAction,
      entityType: "Article",
      entityId: article.id,
      data: { from: ctx.status, to, reviewId: review.id, revisionId: revision.id, openComments: open },
    });
    await queueNotifications(
      tx,
      await people(tx, article.id, revision.id),
      {
        kind: "CHANGES_REQUESTED",
        title: `Changes requested: “${revision.title}”`,
        body: `${actor.name} asked for changes to revision ${revision.number} (${open} open comment${open === 1 ? "" : "s"}): ${data.summary}`,
        link: reviewPath(article.id),
      },
      actor.id,
    );
    return review;
  });
}
