import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeApproval, makeArticle, makeCredential, makeRevision, makeUser } from "../../tests/helpers/factory";
import { voidApprovalOnEdit } from "./void-approval";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("voidApprovalOnEdit", () => {
  it("voids the approval of an APPROVED article, returns it to Draft, cancels the schedule and tells the reviewer why", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"], name: "Wendy Writer" });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const cred = await makeCredential(t.db, { userId: reviewer.id });
    const article = await makeArticle(t.db, { authorId: writer.id, status: "APPROVED" });
    const rev = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    const approval = await makeApproval(t.db, { revisionId: rev.id, reviewerId: reviewer.id, credentialId: cred.id });
    await t.db.article.update({
      where: { id: article.id },
      data: { scheduledPublishAt: new Date(Date.now() + 3600_000), scheduledRevisionId: rev.id },
    });

    const result = await t.db.$transaction((tx) =>
      voidApprovalOnEdit(tx, { articleId: article.id, actorId: writer.id }),
    );

    expect(result).toEqual({ voided: "approval", from: "APPROVED", to: "DRAFT" });
    const after = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.status).toBe("DRAFT");
    expect(after.scheduledPublishAt).toBeNull();
    const review = await t.db.review.findUniqueOrThrow({ where: { id: approval.id } });
    expect(review.voidedAt).not.toBeNull();
    expect(review.voidReason).toMatch(/edited by Wendy Writer after approval/);
    const note = await t.db.notification.findFirstOrThrow({ where: { userId: reviewer.id } });
    expect(note.kind).toBe("APPROVAL_VOIDED");
    expect(note.body).toMatch(/edited by Wendy Writer/);
    expect(await t.db.outboxMail.count({ where: { to: reviewer.email } })).toBe(1);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "review.approval_voided", entityId: article.id },
    });
    expect(JSON.parse(event.dataJson)).toMatchObject({
      from: "APPROVED",
      to: "DRAFT",
      reviewIds: [approval.id],
      scheduleCancelled: true,
    });
  });

  it("keeps a live article live when its approved next revision is voided", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const article = await makeArticle(t.db, { authorId: writer.id, status: "APPROVED" });
    const live = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    await t.db.article.update({ where: { id: article.id }, data: { liveRevisionId: live.id } });
    const next = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    await makeApproval(t.db, { revisionId: next.id, reviewerId: reviewer.id, credentialId: null });
    await t.db.$transaction((tx) => voidApprovalOnEdit(tx, { articleId: article.id, actorId: writer.id }));
    const after = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after).toMatchObject({ status: "DRAFT", liveRevisionId: live.id });
  });

  it("withdraws an IN_REVIEW submission and tells reviewers who commented", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const article = await makeArticle(t.db, { authorId: writer.id, status: "IN_REVIEW" });
    const rev = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    await t.db.reviewComment.create({
      data: { articleId: article.id, revisionId: rev.id, authorId: reviewer.id, body: "Check dose", blockIndex: 0 },
    });
    const result = await t.db.$transaction((tx) =>
      voidApprovalOnEdit(tx, { articleId: article.id, actorId: writer.id }),
    );
    expect(result).toEqual({ voided: "submission", from: "IN_REVIEW", to: "DRAFT" });
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
    expect(await t.db.notification.count({ where: { userId: reviewer.id, kind: "SUBMISSION_WITHDRAWN" } })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: writer.id } })).toBe(0);
  });

  it("does nothing in other states", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    for (const status of ["DRAFT", "CHANGES_REQUESTED", "PUBLISHED", "UNPUBLISHED", "ARCHIVED"]) {
      const article = await makeArticle(t.db, { authorId: writer.id, status });
      const before = await t.db.auditEvent.count();
      expect(
        await t.db.$transaction((tx) => voidApprovalOnEdit(tx, { articleId: article.id, actorId: writer.id })),
      ).toEqual({ voided: null, from: status, to: status });
      expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe(status);
      expect(await t.db.auditEvent.count()).toBe(before);
    }
  });
});
