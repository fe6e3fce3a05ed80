// Review assignments, the auto-assign rule, two-approval articles and overdue reminders, through the lib
// functions against a real (SQLite) database.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeCredential, makeUser } from "../../tests/helpers/factory";
import type { Actor } from "../auth/policy";
import { putSetting } from "../settings/settings";
import { submitArticle } from "../workflow/submit-article";
import { approveRevision } from "../review/decide-review";
import { loadGate } from "../gate/load-gate";
import { reviewQueue } from "../worklists/load-worklists";
import { assignReviewers, claimReview, unassignReviewer } from "./assign-reviewers";
import { updateArticleReviewSettings } from "./article-review-settings";
import { addSpecialty, setCredentialSpecialties } from "./specialties";
import { sendReviewReminders } from "./send-review-reminders";
import { loadAssignmentPanel } from "./load-assignment-panel";

const t = createTestDb();
afterAll(() => t.cleanup());

const actor = (u: { id: string; name: string; email: string }, roles: string[]): Actor => ({
  ...u,
  status: "ACTIVE",
  roles,
});

async function reviewer(name: string, specialtyIds: string[] = [], languages?: string[]) {
  const u = await makeUser(t.db, { roles: ["REVIEWER"], name });
  await makeCredential(t.db, { userId: u.id, languages });
  const a = actor(u, ["REVIEWER"]);
  if (specialtyIds.length) await setCredentialSpecialties(t.db, a, { specialtyIds });
  return a;
}

const admin = async () => actor(await makeUser(t.db, { roles: ["ADMIN"], name: "Ada Admin" }), ["ADMIN"]);
const editor = async () => actor(await makeUser(t.db, { roles: ["EDITOR"], name: "Ed Editor" }), ["EDITOR"]);
const writer = async (name = "Wendy Writer") => actor(await makeUser(t.db, { roles: ["WRITER"], name }), ["WRITER"]);

describe("review assignments", () => {
  it("an editor assigns a dermatology article to the dermatology reviewer, who sees it first in the queue", async () => {
    const a = await admin();
    const derm = await addSpecialty(t.db, a, { name: `Dermatology ${Date.now()}` });
    const cardio = await addSpecialty(t.db, a, { name: `Cardiology ${Date.now()}` });
    const dermReviewer = await reviewer("Dana Derm", [derm.id]);
    await reviewer("Carl Cardio", [cardio.id]);
    const w = await writer();
    const e = await editor();
    const older = await makeArticle(t.db, { authorId: w.id, title: "Older article" });
    await submitArticle(t.db, w, { articleId: older.id, changeSummary: "First draft" });
    const article = await makeArticle(t.db, { authorId: w.id, title: "Calcinosis cutis" });
    await updateArticleReviewSettings(t.db, e, {
      articleId: article.id,
      clinicalAreaId: derm.id,
      requiredApprovals: 1,
    });
    await submitArticle(t.db, w, { articleId: article.id, changeSummary: "First draft" });

    const { dueAt } = await assignReviewers(t.db, e, { articleId: article.id, reviewerIds: [dermReviewer.id] });
    expect(dueAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000); // default: 7 days
    const queue = await reviewQueue(t.db, dermReviewer);
    const submittedAt = (await t.db.revision.findFirstOrThrow({ where: { articleId: article.id } })).createdAt;
    expect(queue[0]).toMatchObject({
      id: article.id,
      assignedToYou: true,
      area: expect.stringContaining("Dermatology"),
      writers: ["Wendy Writer"],
      submittedAt,
      dueAt,
    });
    expect(queue.find((q) => q.id === older.id)).toMatchObject({
      claimable: true,
      assignedToYou: false,
      writers: ["Wendy Writer"],
      submittedAt: expect.any(Date),
      dueAt: null,
    });
    // Another reviewer sees the article as someone else's, with that assignment's due date.
    const carla = await reviewer("Carla Other", [derm.id]);
    expect((await reviewQueue(t.db, carla)).find((q) => q.id === article.id)).toMatchObject({
      assignedToYou: false,
      claimable: false,
      assignees: ["Dana Derm"],
      dueAt,
    });
    const told = await t.db.notification.findMany({ where: { userId: dermReviewer.id, kind: "REVIEW_ASSIGNED" } });
    expect(told).toHaveLength(1);
    const audit = await t.db.auditEvent.findMany({ where: { entityId: article.id, action: "review.assigned" } });
    expect(audit).toHaveLength(1);

    // Someone else can no longer claim it; the older one stays claimable.
    const other = await reviewer("Olive Other");
    await expect(claimReview(t.db, other, { articleId: article.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(claimReview(t.db, other, { articleId: older.id })).resolves.toEqual({ claimed: true });
    expect((await reviewQueue(t.db, other))[0]).toMatchObject({ id: older.id, assignedToYou: true });

    await unassignReviewer(t.db, e, { articleId: article.id, reviewerId: dermReviewer.id });
    expect((await reviewQueue(t.db, dermReviewer)).find((q) => q.id === article.id)).toMatchObject({ claimable: true });
  });

  it("nobody can be assigned text they wrote, and only editors assign", async () => {
    const both = await makeUser(t.db, { roles: ["WRITER", "REVIEWER"], name: "Wes Both" });
    await makeCredential(t.db, { userId: both.id });
    const w = actor(both, ["WRITER", "REVIEWER"]);
    const e = await editor();
    const article = await makeArticle(t.db, { authorId: both.id });
    await submitArticle(t.db, w, { articleId: article.id, changeSummary: "First draft" });
    await expect(assignReviewers(t.db, e, { articleId: article.id, reviewerIds: [both.id] })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { reviewerIds: [expect.any(String)] },
    });
    const r = await reviewer("Rhea Reviewer");
    await expect(assignReviewers(t.db, r, { articleId: article.id, reviewerIds: [r.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("the auto-assign rule picks the least-loaded verified reviewer of the article's area", async () => {
    const a = await admin();
    const area = await addSpecialty(t.db, a, { name: `Rheumatology ${Date.now()}` });
    const busy = await reviewer("Bea Busy", [area.id]);
    const free = await reviewer("Fay Free", [area.id]);
    const e = await editor();
    const w = await writer();
    const first = await makeArticle(t.db, { authorId: w.id });
    await assignReviewers(t.db, e, { articleId: first.id, reviewerIds: [busy.id] }); // busy now has one open review
    await t.db.$transaction((tx) => putSetting(tx, "review.autoAssign", 1));
    try {
      const article = await makeArticle(t.db, { authorId: w.id });
      await updateArticleReviewSettings(t.db, e, {
        articleId: article.id,
        clinicalAreaId: area.id,
        requiredApprovals: 1,
      });
      await submitArticle(t.db, w, { articleId: article.id, changeSummary: "First draft" });
      const assigned = await t.db.reviewAssignment.findMany({ where: { articleId: article.id } });
      expect(assigned.map((x) => x.reviewerId)).toEqual([free.id]);
      expect(assigned[0].assignedById).toBeNull();
      // Only the assignee is told, not every reviewer.
      expect(await t.db.notification.count({ where: { userId: busy.id, link: { contains: article.id } } })).toBe(0);
    } finally {
      await t.db.$transaction((tx) => putSetting(tx, "review.autoAssign", 0));
    }
  });

  it("offers, assigns and auto-assigns only reviewers whose credential lists the article's language", async () => {
    const a = await admin();
    const area = await addSpecialty(t.db, a, { name: `Nephrology ${Date.now()}` });
    const englishOnly = await reviewer("Aaron English", [area.id], ["en"]);
    const spanish = await reviewer("Sara Spanish", [area.id], ["en", "es"]);
    const e = await editor();
    const w = await writer();
    const busy = await makeArticle(t.db, { authorId: w.id });
    await assignReviewers(t.db, e, { articleId: busy.id, reviewerIds: [spanish.id] }); // Sara is the busier one
    const article = await makeArticle(t.db, { authorId: w.id });
    await t.db.article.update({ where: { id: article.id }, data: { locale: "es" } });
    await updateArticleReviewSettings(t.db, e, {
      articleId: article.id,
      clinicalAreaId: area.id,
      requiredApprovals: 1,
    });

    const panel = await loadAssignmentPanel(t.db, article.id);
    expect(panel.languageName).toBe("Spanish");
    expect(panel.candidates.map((c) => c.id)).toContain(spanish.id);
    expect(panel.candidates.map((c) => c.id)).not.toContain(englishOnly.id);
    await expect(
      assignReviewers(t.db, e, { articleId: article.id, reviewerIds: [englishOnly.id] }),
    ).rejects.toMatchObject({ code: "VALIDATION" });

    await t.db.$transaction((tx) => putSetting(tx, "review.autoAssign", 1));
    try {
      await submitArticle(t.db, w, { articleId: article.id, changeSummary: "Primera versión" });
      const assigned = await t.db.reviewAssignment.findMany({ where: { articleId: article.id } });
      expect(assigned.map((x) => x.reviewerId)).toEqual([spanish.id]);
    } finally {
      await t.db.$transaction((tx) => putSetting(tx, "review.autoAssign", 0));
    }
  });

  it("an overdue assignment reminds its reviewer once", async () => {
    const r = await reviewer("Rory Late");
    const e = await editor();
    const w = await writer();
    const article = await makeArticle(t.db, { authorId: w.id });
    await submitArticle(t.db, w, { articleId: article.id, changeSummary: "First draft" });
    await assignReviewers(t.db, e, { articleId: article.id, reviewerIds: [r.id] });
    const later = new Date(Date.now() + 8 * 86400_000);
    await sendReviewReminders(t.db, later);
    await sendReviewReminders(t.db, later);
    expect(await t.db.notification.count({ where: { userId: r.id, kind: "REVIEW_OVERDUE" } })).toBe(1);
  });
});

describe("second review for high-risk content", () => {
  it("needs two approvals by different people on the same revision before it is approved and publishable", async () => {
    const e = await editor();
    const w = await writer();
    const first = await reviewer("First Reviewer");
    const second = await reviewer("Second Reviewer");
    const article = await makeArticle(t.db, { authorId: w.id, title: "Colchicine dosing" });
    await updateArticleReviewSettings(t.db, e, { articleId: article.id, clinicalAreaId: null, requiredApprovals: 2 });
    const sub = await submitArticle(t.db, w, { articleId: article.id, changeSummary: "First draft" });
    const rev = await t.db.revision.findUniqueOrThrow({ where: { id: sub.revisionId } });
    const approve = (who: Actor) =>
      approveRevision(t.db, who, {
        articleId: article.id,
        revisionId: rev.id,
        contentHash: rev.contentHash,
        attest: true,
      });

    await approve(first);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("IN_REVIEW");
    const gate = await loadGate(t.db, article.id);
    const approvalItem = gate!.items.find((i) => i.key === "approval")!;
    expect(approvalItem.state).toBe("failed");
    expect(approvalItem.reason).toContain("needs 2 independent approvals");
    await expect(approve(first)).rejects.toMatchObject({ code: "CONFLICT" });

    await approve(second);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("APPROVED");
    expect((await loadGate(t.db, article.id))!.items.find((i) => i.key === "approval")!.state).toBe("passed");
  });

  it("raising the requirement after one approval sends the article back to review", async () => {
    const e = await editor();
    const w = await writer();
    const r = await reviewer("Only Reviewer");
    const article = await makeArticle(t.db, { authorId: w.id });
    const sub = await submitArticle(t.db, w, { articleId: article.id, changeSummary: "First draft" });
    const rev = await t.db.revision.findUniqueOrThrow({ where: { id: sub.revisionId } });
    await approveRevision(t.db, r, {
      articleId: article.id,
      revisionId: rev.id,
      contentHash: rev.contentHash,
      attest: true,
    });
    const changed = await updateArticleReviewSettings(t.db, e, {
      articleId: article.id,
      clinicalAreaId: null,
      requiredApprovals: 2,
    });
    expect(changed.status).toBe("IN_REVIEW");
  });
});
