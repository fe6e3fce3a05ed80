// The review-and-publish journey through the lib functions, against a real (SQLite) database.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { viaSchema } from "../../tests/helpers/via-schema";
import { doc, makeArticle, makeCredential, makeUser } from "../../tests/helpers/factory";
import { submitArticle, withdrawSubmission } from "./submit-article";
import {
  approveRevision,
  approveRevisionSchema,
  EVIDENCE_CHECK_REQUIRED,
  requestChanges,
} from "../review/decide-review";
import { catchAppError } from "../../tests/helpers/catch-app-error";
import { voidApprovalOnEdit } from "./void-approval";
import { saveRevision } from "../revisions/save-revision";
import { addReviewComment } from "../review/add-review-comment";
import { listReviewComments } from "../review/list-review-comments";
import { replyToReviewComment } from "../review/reply-to-review-comment";
import { resolveReviewComment } from "../review/resolve-review-comment";
import { loadGate } from "../gate/load-gate";
import { overrideGateItem, overrideGateItemSchema } from "../gate/override-gate-item";
import { publishArticle } from "../publishing/publish-article";
import { schedulePublication, schedulePublicationSchema } from "../publishing/schedule-publication";
import { publishDueArticles } from "../publishing/publish-due";
import { unpublishArticle, unpublishArticleSchema } from "../publishing/unpublish-article";
import { getPublicTrail } from "../publishing/public-trail";
import { getReviewerProfile } from "../public/get-reviewer-profile";
import { readPublicChange } from "../page-cache/public-change";

const t = createTestDb();
afterAll(() => t.cleanup());

async function setup() {
  const w = await makeUser(t.db, { roles: ["WRITER"], name: "Wendy Writer" });
  const r = await makeUser(t.db, { roles: ["REVIEWER"], name: "Rita Reviewer" });
  const e = await makeUser(t.db, { roles: ["EDITOR"], name: "Ed Editor" });
  await makeCredential(t.db, { userId: r.id });
  const article = await makeArticle(t.db, {
    authorId: w.id,
    title: "Calcinosis cutis",
    body: "Calcium deposits in the skin.",
  });
  return { writer: w, reviewer: r, editor: e, article };
}

async function edit(articleId: string, userId: string, text: string) {
  await t.db.$transaction(async (tx) => {
    const d = await tx.workingDraft.findUniqueOrThrow({ where: { articleId } });
    const ids = new Set<string>(JSON.parse(d.editorIds));
    ids.add(userId);
    await tx.workingDraft.update({
      where: { articleId },
      data: { bodyJson: doc(text), editorIds: JSON.stringify([...ids]), version: { increment: 1 } },
    });
    await voidApprovalOnEdit(tx, { articleId, actorId: userId });
  });
}

/** What the integrity helper records after a freeze: a clean plagiarism report and check run. */
async function integrity(revisionId: string, articleId: string, similarity = 2) {
  await t.db.plagiarismReport.create({ data: { revisionId, similarity, parametersJson: "{}", matchesJson: "[]" } });
  await t.db.contentCheckRun.create({ data: { articleId, revisionId, findingsJson: "[]" } });
}

const status = async (id: string) => (await t.db.article.findUniqueOrThrow({ where: { id } })).status;

describe("review and publishing journey", () => {
  it("submit → changes requested with a comment → answered, resolved → resubmit → approve → publish → edit keeps the live text", async () => {
    const { writer, reviewer, editor, article } = await setup();

    const first = await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "First draft" });
    expect(first.status).toBe("IN_REVIEW");
    const requested = await t.db.notification.findMany({ where: { userId: reviewer.id, kind: "REVIEW_REQUESTED" } });
    expect(requested.map((n) => n.link)).toEqual([`/studio/articles/${article.id}/review`]);
    await expect(submitArticle(t.db, writer, { articleId: article.id, changeSummary: "Again" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });

    const comment = await addReviewComment(t.db, reviewer, {
      articleId: article.id,
      revisionId: first.revisionId,
      blockIndex: 0,
      quote: "Calcium",
      body: "Say it can reach deeper tissue.",
    });
    await expect(
      addReviewComment(t.db, writer, { articleId: article.id, revisionId: first.revisionId, body: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      addReviewComment(t.db, reviewer, {
        articleId: article.id,
        revisionId: first.revisionId,
        blockIndex: 99,
        body: "x",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const rev1 = await t.db.revision.findUniqueOrThrow({ where: { id: first.revisionId } });
    await requestChanges(t.db, reviewer, {
      articleId: article.id,
      revisionId: rev1.id,
      contentHash: rev1.contentHash,
      summary: "Please expand on the extent of deposits.",
    });
    expect(await status(article.id)).toBe("CHANGES_REQUESTED");
    expect(await t.db.notification.count({ where: { userId: writer.id, kind: "CHANGES_REQUESTED" } })).toBe(1);

    await replyToReviewComment(t.db, writer, { commentId: comment.id, body: "Added a sentence." });
    await resolveReviewComment(t.db, writer, { commentId: comment.id });
    const threads = await listReviewComments(t.db, article.id);
    const thread = threads.find((c) => c.id === comment.id)!;
    expect(thread.replies).toHaveLength(1);
    expect(thread.resolvedAt).not.toBeNull();

    await edit(article.id, writer.id, "Calcium deposits in the skin that can extend to deeper tissue.");
    expect(await status(article.id)).toBe("CHANGES_REQUESTED"); // the writer's turn: nothing to void
    // The writer says this note may be shown to readers.
    const second = await submitArticle(t.db, writer, {
      articleId: article.id,
      changeSummary: "Extent of deposits",
      changeSummaryPublic: true,
    });
    const rev2 = await t.db.revision.findUniqueOrThrow({ where: { id: second.revisionId } });

    // Stale hash (the reviewer read something else) is refused.
    await expect(
      approveRevision(t.db, reviewer, {
        articleId: article.id,
        revisionId: rev2.id,
        contentHash: rev1.contentHash,
        attest: true,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      viaSchema(
        approveRevisionSchema,
        { articleId: article.id, revisionId: rev2.id, contentHash: rev2.contentHash },
        (i) => approveRevision(t.db, reviewer, i),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const approval = await approveRevision(t.db, reviewer, {
      articleId: article.id,
      revisionId: rev2.id,
      contentHash: rev2.contentHash,
      attest: true,
    });
    expect(approval.contentHash).toBe(rev2.contentHash);
    expect(JSON.parse(approval.credentialSnapshot)).toMatchObject({
      displayName: "Dr. Test Reviewer",
      postNominals: "M.D., FRCP",
    });
    expect(approval.statement).toMatch(/approve it for publication/);
    expect(await status(article.id)).toBe("APPROVED");
    // Editors are sent to the publish screen, writers (who cannot publish) to the review screen.
    expect((await t.db.notification.findFirstOrThrow({ where: { userId: editor.id, kind: "APPROVED" } })).link).toBe(
      `/studio/articles/${article.id}/publish`,
    );
    expect((await t.db.notification.findFirstOrThrow({ where: { userId: writer.id, kind: "APPROVED" } })).link).toBe(
      `/studio/articles/${article.id}/review`,
    );

    // Gate: no plagiarism report / checks yet.
    let gate = await loadGate(t.db, article.id);
    expect(gate!.passes).toBe(false);
    expect(gate!.items.filter((i) => i.state === "failed").map((i) => i.key)).toEqual(["plagiarism", "contentChecks"]);
    await expect(publishArticle(t.db, editor, { articleId: article.id, revisionId: rev2.id })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await integrity(rev2.id, article.id);
    gate = await loadGate(t.db, article.id);
    expect(gate!.passes).toBe(true);

    await expect(publishArticle(t.db, writer, { articleId: article.id, revisionId: rev2.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const changeBeforePublish = await readPublicChange(t.db);
    const pub = await publishArticle(t.db, editor, { articleId: article.id, revisionId: rev2.id });
    // Every process's stored public pages go out of date in the same commit (lib/page-cache).
    expect(await readPublicChange(t.db)).toBe(changeBeforePublish + 1);
    const live = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(live).toMatchObject({ status: "PUBLISHED", liveRevisionId: rev2.id });
    expect(live.firstPublishedAt).toEqual(pub.publishedAt);
    expect(live.reviewDueAt!.getTime()).toBeGreaterThan(Date.now() + 300 * 86400_000);

    const trail = await getPublicTrail(t.db, article.id);
    expect(trail.reviewer).toMatchObject({ displayName: "Dr. Test Reviewer", postNominals: "M.D., FRCP" });
    expect(trail.history).toHaveLength(1);
    expect(trail.history[0]).toMatchObject({ revisionNumber: 2, changeSummary: "Extent of deposits" });
    expect((await getReviewerProfile(t.db, reviewer.id))!.articles.map((a) => a.slug)).toEqual([live.slug]);

    // The writer edits the published article: the live revision stays until the next is approved and published.
    await edit(article.id, writer.id, "A new paragraph under review.");
    expect(await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      status: "PUBLISHED",
      liveRevisionId: rev2.id,
    });
    // A note for the reviewer only (the default): readers see a neutral entry for this update.
    const third = await submitArticle(t.db, writer, {
      articleId: article.id,
      changeSummary: "Qualified the prevalence figure after medical review",
    });
    expect(await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      status: "IN_REVIEW",
      liveRevisionId: rev2.id,
    });
    const rev3 = await t.db.revision.findUniqueOrThrow({ where: { id: third.revisionId } });
    // The article is live: this is a re-review, approved only with the evidence checked again (said on the field).
    const unchecked = await catchAppError(
      approveRevision(t.db, reviewer, {
        articleId: article.id,
        revisionId: rev3.id,
        contentHash: rev3.contentHash,
        attest: true,
      }),
    );
    expect(unchecked).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { evidenceChecked: [EVIDENCE_CHECK_REQUIRED] },
    });
    expect(await t.db.review.count({ where: { revisionId: rev3.id } })).toBe(0);
    await approveRevision(t.db, reviewer, {
      articleId: article.id,
      revisionId: rev3.id,
      contentHash: rev3.contentHash,
      attest: true,
      evidenceChecked: true,
    });
    expect(await t.db.review.findFirstOrThrow({ where: { revisionId: rev3.id } })).toMatchObject({
      evidenceChecked: true,
    });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).liveRevisionId).toBe(rev2.id);
    await integrity(rev3.id, article.id);
    await publishArticle(t.db, editor, { articleId: article.id, revisionId: rev3.id });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).liveRevisionId).toBe(rev3.id);
    const history = (await getPublicTrail(t.db, article.id)).history;
    expect(history.map((h) => [h.revisionNumber, h.changeSummary])).toEqual([
      [3, ""],
      [2, "Extent of deposits"],
    ]);
    // The internal note is kept with the revision for the studio.
    expect(rev3).toMatchObject({
      changeSummary: "Qualified the prevalence figure after medical review",
      changeSummaryPublic: false,
    });

    // Unpublish needs a reason; then the article is not live.
    await expect(
      viaSchema(unpublishArticleSchema, { articleId: article.id, reason: "" }, (i) =>
        unpublishArticle(t.db, editor, i),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const changeBeforeUnpublish = await readPublicChange(t.db);
    await unpublishArticle(t.db, editor, { articleId: article.id, reason: "Legal review" });
    expect(await readPublicChange(t.db)).toBe(changeBeforeUnpublish + 1);
    expect(await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      status: "UNPUBLISHED",
      liveRevisionId: null,
    });
    expect((await getPublicTrail(t.db, article.id)).lastModifiedAt).toBeNull();

    const actions = (await t.db.auditEvent.findMany({ where: { entityId: article.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "article.submitted",
        "review.changes_requested",
        "review.approved",
        "article.published",
        "article.unpublished",
        "revision.frozen",
      ]),
    );
  });

  it("separation of duties: a reviewer who edited the revision cannot approve it; an unverified reviewer cannot", async () => {
    const { writer, editor, article } = await setup();
    const both = await makeUser(t.db, { roles: ["WRITER", "REVIEWER"], name: "Dual Role" });
    await makeCredential(t.db, { userId: both.id });
    const dual = both;
    await t.db.articleAuthor.create({ data: { articleId: article.id, userId: both.id } });
    await edit(article.id, both.id, "Edited by the dual-role person.");
    const s = await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "First version" });
    const rev = await t.db.revision.findUniqueOrThrow({ where: { id: s.revisionId } });
    await expect(
      approveRevision(t.db, dual, {
        articleId: article.id,
        revisionId: rev.id,
        contentHash: rev.contentHash,
        attest: true,
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/wrote or edited/),
    });

    const pending = await makeUser(t.db, { roles: ["REVIEWER"], name: "Pending Reviewer" });
    await makeCredential(t.db, { userId: pending.id, status: "PENDING" });
    await expect(
      approveRevision(t.db, pending, {
        articleId: article.id,
        revisionId: rev.id,
        contentHash: rev.contentHash,
        attest: true,
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/verified, unexpired credential/),
    });
    const expired = await makeUser(t.db, { roles: ["REVIEWER"], name: "Expired Reviewer" });
    await makeCredential(t.db, { userId: expired.id, expiresAt: new Date(Date.now() - 86400_000) });
    await expect(
      approveRevision(t.db, expired, {
        articleId: article.id,
        revisionId: rev.id,
        contentHash: rev.contentHash,
        attest: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      approveRevision(t.db, editor, {
        articleId: article.id,
        revisionId: rev.id,
        contentHash: rev.contentHash,
        attest: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await status(article.id)).toBe("IN_REVIEW");

    await withdrawSubmission(t.db, writer, { articleId: article.id });
    expect(await status(article.id)).toBe("DRAFT");
  });

  it("separation of duties spans the cycle: editing revision 1 bars approving revision 2; a checkpoint can be submitted as is", async () => {
    const { writer, reviewer, article } = await setup();
    const both = await makeUser(t.db, { roles: ["WRITER", "REVIEWER"], name: "Dual Cycle" });
    await makeCredential(t.db, { userId: both.id });
    const dual = both;
    await t.db.articleAuthor.create({ data: { articleId: article.id, userId: both.id } });
    await edit(article.id, both.id, "Words written by the dual-role person.");
    const s1 = await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "First version" });
    const rev1 = await t.db.revision.findUniqueOrThrow({ where: { id: s1.revisionId } });
    await requestChanges(t.db, reviewer, {
      articleId: article.id,
      revisionId: rev1.id,
      contentHash: rev1.contentHash,
      summary: "Please add a sentence on causes.",
    });
    await edit(article.id, writer.id, "Words written by the dual-role person. And a sentence on causes.");
    // The editor's "Save revision" checkpoint freezes without submitting; submitting right after must still work.
    const checkpoint = await saveRevision(t.db, writer, { articleId: article.id, changeSummary: "Checkpoint" });
    const s2 = await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "Causes added" });
    expect(s2.revisionId).not.toBe(checkpoint.id);
    const rev2 = await t.db.revision.findUniqueOrThrow({ where: { id: s2.revisionId } });
    expect(await t.db.revisionContributor.count({ where: { revisionId: rev2.id, userId: both.id } })).toBe(0);
    await expect(
      approveRevision(t.db, dual, {
        articleId: article.id,
        revisionId: rev2.id,
        contentHash: rev2.contentHash,
        attest: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await approveRevision(t.db, reviewer, {
      articleId: article.id,
      revisionId: rev2.id,
      contentHash: rev2.contentHash,
      attest: true,
    });
    expect(await status(article.id)).toBe("APPROVED");
  });

  it("an edit after approval voids it and cancels the schedule; the gate then fails", async () => {
    const { writer, reviewer, editor, article } = await setup();
    const s = await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "First version" });
    const rev = await t.db.revision.findUniqueOrThrow({ where: { id: s.revisionId } });
    await approveRevision(t.db, reviewer, {
      articleId: article.id,
      revisionId: rev.id,
      contentHash: rev.contentHash,
      attest: true,
    });
    await integrity(rev.id, article.id);
    await schedulePublication(t.db, editor, {
      articleId: article.id,
      revisionId: rev.id,
      publishAt: new Date(Date.now() + 3600_000),
    });
    await edit(article.id, writer.id, "Changed after approval.");
    const a = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(a).toMatchObject({ status: "DRAFT", scheduledPublishAt: null });
    expect((await loadGate(t.db, article.id))!.items[0].state).toBe("failed");
    expect(await t.db.notification.count({ where: { userId: reviewer.id, kind: "APPROVAL_VOIDED" } })).toBe(1);
  });

  it("a scheduled publication fires when due (and only once); one that can no longer go out is cleared and reported", async () => {
    const { writer, reviewer, editor, article } = await setup();
    const s = await submitArticle(t.db, writer, { articleId: article.id, changeSummary: "First version" });
    const rev = await t.db.revision.findUniqueOrThrow({ where: { id: s.revisionId } });
    await approveRevision(t.db, reviewer, {
      articleId: article.id,
      revisionId: rev.id,
      contentHash: rev.contentHash,
      attest: true,
    });
    await integrity(rev.id, article.id);
    await expect(
      viaSchema(
        schedulePublicationSchema,
        { articleId: article.id, revisionId: rev.id, publishAt: new Date(Date.now() - 1000).toISOString() },
        (i) => schedulePublication(t.db, editor, i),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const when = new Date(Date.now() + 60_000);
    await schedulePublication(t.db, editor, {
      articleId: article.id,
      revisionId: rev.id,
      publishAt: when,
    });

    expect((await publishDueArticles(t.db, new Date(when.getTime() - 1000))).published).toHaveLength(0);
    const changeBeforeDue = await readPublicChange(t.db);
    const [a, b] = await Promise.all([
      publishDueArticles(t.db, new Date(when.getTime() + 1000)),
      publishDueArticles(t.db, new Date(when.getTime() + 1000)),
    ]);
    expect(a.published.length + b.published.length).toBe(1);
    expect(await readPublicChange(t.db)).toBe(changeBeforeDue + 1);
    expect(await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      status: "PUBLISHED",
      liveRevisionId: rev.id,
      scheduledPublishAt: null,
    });
    expect(await t.db.publication.count({ where: { articleId: article.id } })).toBe(1);

    // A schedule whose gate fails by the time it is due is cleared and the editor told.
    const other = await makeArticle(t.db, { authorId: writer.id });
    const s2 = await submitArticle(t.db, writer, { articleId: other.id, changeSummary: "First version" });
    const rev2 = await t.db.revision.findUniqueOrThrow({ where: { id: s2.revisionId } });
    await approveRevision(t.db, reviewer, {
      articleId: other.id,
      revisionId: rev2.id,
      contentHash: rev2.contentHash,
      attest: true,
    });
    await integrity(rev2.id, other.id);
    await schedulePublication(t.db, editor, {
      articleId: other.id,
      revisionId: rev2.id,
      publishAt: when,
    });
    await t.db.plagiarismReport.create({
      data: { revisionId: rev2.id, similarity: 80, parametersJson: "{}", matchesJson: "[]" },
    });
    const run = await publishDueArticles(t.db, new Date(when.getTime() + 1000));
    expect(run.failed).toEqual([
      expect.objectContaining({ articleId: other.id, reason: expect.stringMatching(/gate/) }),
    ]);
    expect(await t.db.article.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      status: "APPROVED",
      liveRevisionId: null,
      scheduledPublishAt: null,
    });
    expect(await t.db.notification.count({ where: { userId: editor.id, kind: "PUBLISH_FAILED" } })).toBe(1);

    // An override (audited) lets it through.
    await expect(
      viaSchema(
        overrideGateItemSchema,
        { articleId: other.id, revisionId: rev2.id, item: "plagiarism", reason: "short" },
        (i) => overrideGateItem(t.db, editor, i),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      overrideGateItem(t.db, editor, {
        articleId: other.id,
        revisionId: rev2.id,
        item: "approval",
        reason: "I checked it myself",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await overrideGateItem(t.db, editor, {
      articleId: other.id,
      revisionId: rev2.id,
      item: "plagiarism",
      reason: "Matches are quoted WHO guidance.",
    });
    await publishArticle(t.db, editor, { articleId: other.id, revisionId: rev2.id });
    expect(await t.db.auditEvent.count({ where: { action: "gate.override", entityId: other.id } })).toBe(1);
  });
});
