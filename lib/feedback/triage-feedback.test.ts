import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { openBlockingReports } from "./open-blocking-reports";
import { acknowledgeFeedback } from "./acknowledge-feedback";
import { dismissFeedback, dismissFeedbackSchema } from "./dismiss-feedback";
import { resolveFeedback } from "./resolve-feedback";
import { viaSchema } from "../../tests/helpers/via-schema";
import { listFeedback, listFixCandidates, parseFeedbackFilters } from "./list-feedback";
import { submitFeedback } from "./submit-feedback";
import { makePublicationHistory, makeUser } from "../../tests/helpers/factory";

const t = createTestDb();
afterAll(() => t.cleanup());

let editor: Actor;
let writer: Actor;
beforeAll(async () => {
  editor = await makeUser(t.db, { roles: ["EDITOR"], name: "Eda Editor" });
  writer = await makeUser(t.db, { roles: ["WRITER"] });
});

const open = { limit: 0, windowSeconds: 60 };
async function report(
  article: { id: string; liveRevisionId: string | null },
  reason = "OUTDATED",
  revisionId = article.liveRevisionId,
) {
  const res = await submitFeedback(
    t.db,
    { articleId: article.id, revisionId, helpful: "no", reason, comment: "c" },
    { clientHash: "x".repeat(32) },
    { rule: open },
  );
  return res.id!;
}
async function codeOf(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  return e instanceof AppError ? e.code : e;
}

describe("triage", () => {
  it("moves New → Acknowledged → Resolved with the fixing revision, auditing each step", async () => {
    const { article, revisions } = await makePublicationHistory(t.db, {
      authorId: writer.id,
      revisions: 2,
      publishedCount: 1,
    });
    const id = await report(article);
    await acknowledgeFeedback(t.db, editor, { feedbackId: id });
    await resolveFeedback(t.db, editor, { feedbackId: id, revisionId: revisions[1].id });
    const row = await t.db.feedback.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "RESOLVED", resolvedRevisionId: revisions[1].id, triagedById: editor.id });
    const events = await t.db.auditEvent.findMany({
      where: { entityType: "Feedback", entityId: id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["feedback.acknowledged", "feedback.resolved"]);
    expect(events.every((e) => e.actorId === editor.id)).toBe(true);
  });

  it("refuses a fix that is not a later revision of the same article", async () => {
    const { article, revisions } = await makePublicationHistory(t.db, {
      authorId: writer.id,
      revisions: 2,
      publishedCount: 2,
    });
    const other = await makePublicationHistory(t.db, { authorId: writer.id, revisions: 3 });
    const id = await report(article);
    expect(await codeOf(resolveFeedback(t.db, editor, { feedbackId: id, revisionId: revisions[0].id }))).toBe(
      "VALIDATION",
    );
    expect(await codeOf(resolveFeedback(t.db, editor, { feedbackId: id, revisionId: revisions[1].id }))).toBe(
      "VALIDATION",
    ); // the one seen
    expect(await codeOf(resolveFeedback(t.db, editor, { feedbackId: id, revisionId: other.revisions[2].id }))).toBe(
      "VALIDATION",
    );
    expect(await codeOf(resolveFeedback(t.db, editor, { feedbackId: id, revisionId: "" }))).toBe("VALIDATION");
    expect((await t.db.feedback.findUniqueOrThrow({ where: { id } })).status).toBe("NEW");
    expect(await t.db.auditEvent.count({ where: { entityType: "Feedback", entityId: id } })).toBe(0);
  });

  it("dismisses only with a reason, and final states stay final", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writer.id });
    const id = await report(article, "INACCURATE");
    expect(
      await codeOf(
        viaSchema(dismissFeedbackSchema, { feedbackId: id, reason: " " }, (i) => dismissFeedback(t.db, editor, i)),
      ),
    ).toBe("VALIDATION");
    await dismissFeedback(t.db, editor, { feedbackId: id, reason: "Spam: advertises a product" });
    expect(await t.db.feedback.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DISMISSED",
      dismissReason: "Spam: advertises a product",
    });
    expect(await codeOf(acknowledgeFeedback(t.db, editor, { feedbackId: id }))).toBe("INVALID_TRANSITION");
    expect(await codeOf(dismissFeedback(t.db, editor, { feedbackId: id, reason: "again" }))).toBe("INVALID_TRANSITION");
  });

  it("is for editors only", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writer.id });
    const id = await report(article);
    expect(await codeOf(acknowledgeFeedback(t.db, writer, { feedbackId: id }))).toBe("FORBIDDEN");
    expect(await codeOf(acknowledgeFeedback(t.db, { ...editor, status: "DISABLED" }, { feedbackId: id }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(acknowledgeFeedback(t.db, editor, { feedbackId: "missing" }))).toBe("NOT_FOUND");
  });

  it("openBlockingReports lists open inaccurate/outdated reports on the live revision only", async () => {
    const { article, revisions } = await makePublicationHistory(t.db, {
      authorId: writer.id,
      revisions: 3,
      publishedCount: 2,
    });
    const onOld = await report(article, "OUTDATED", revisions[0].id);
    const outdated = await report(article, "OUTDATED");
    const inaccurate = await report(article, "INACCURATE");
    await report(article, "UNCLEAR");
    expect((await openBlockingReports(t.db, article.id)).map((r) => r.id).sort()).toEqual(
      [outdated, inaccurate].sort(),
    );
    await acknowledgeFeedback(t.db, editor, { feedbackId: outdated }); // acknowledged is still open
    await dismissFeedback(t.db, editor, { feedbackId: inaccurate, reason: "Reader misread the dosage table" });
    expect((await openBlockingReports(t.db, article.id)).map((r) => r.id)).toEqual([outdated]);
    await resolveFeedback(t.db, editor, { feedbackId: outdated, revisionId: revisions[2].id });
    expect(await openBlockingReports(t.db, article.id)).toEqual([]);
    expect(onOld).toBeTruthy();
  });

  it("lists the inbox with filters", async () => {
    const { article } = await makePublicationHistory(t.db, { authorId: writer.id, title: "Inbox article" });
    const a = await report(article, "OUTDATED");
    const b = await report(article, "TYPO_OR_BROKEN_LINK");
    await submitFeedback(
      t.db,
      { articleId: article.id, revisionId: article.liveRevisionId, helpful: "yes" },
      { clientHash: "y".repeat(32) },
      { rule: open },
    );
    await acknowledgeFeedback(t.db, editor, { feedbackId: b });

    const all = await listFeedback(t.db, parseFeedbackFilters({ articleId: article.id }));
    expect(all.items.map((i) => i.id).sort()).toEqual([a, b].sort()); // "No" answers by default
    expect(all.items[0]).toMatchObject({ articleTitle: "Inbox article", revisionNumber: 1, isLiveRevision: true });
    expect(
      (await listFeedback(t.db, parseFeedbackFilters({ articleId: article.id, reason: "OUTDATED" }))).items.map(
        (i) => i.id,
      ),
    ).toEqual([a]);
    const acked = await listFeedback(t.db, parseFeedbackFilters({ articleId: article.id, status: "ACKNOWLEDGED" }));
    expect(acked.items.map((i) => [i.id, i.triagedByName])).toEqual([[b, "Eda Editor"]]);
    expect((await listFeedback(t.db, parseFeedbackFilters({ articleId: article.id, answer: "all" }))).total).toBe(3);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await listFeedback(t.db, parseFeedbackFilters({ articleId: article.id, from: today, to: today }))).total,
    ).toBe(2);
    expect((await listFeedback(t.db, parseFeedbackFilters({ articleId: article.id, to: "2000-01-01" }))).total).toBe(0);
    // Nonsense filters are ignored rather than failing the page.
    expect(parseFeedbackFilters({ reason: "BOGUS", status: "x", from: "yesterday", page: "-3" })).toEqual({
      answer: "no",
      page: 1,
    });
  });

  it("offers later revisions of the same article as fixes, for open reports only", async () => {
    const { article, revisions } = await makePublicationHistory(t.db, {
      authorId: writer.id,
      revisions: 3,
      publishedCount: 1,
    });
    const openId = await report(article);
    const closedId = await report(article);
    await dismissFeedback(t.db, editor, { feedbackId: closedId, reason: "Not about this article" });
    const { items } = await listFeedback(t.db, parseFeedbackFilters({ articleId: article.id }));
    const fixes = await listFixCandidates(t.db, items);
    expect(fixes.get(openId)?.map((c) => c.id)).toEqual([revisions[2].id, revisions[1].id]);
    expect(fixes.has(closedId)).toBe(false);
  });
});
