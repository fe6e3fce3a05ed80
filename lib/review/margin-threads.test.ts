import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeRevision, makeUser } from "../../tests/helpers/factory";
import { addReviewComment } from "./add-review-comment";
import { replyToReviewComment } from "./reply-to-review-comment";
import { resolveReviewComment } from "./resolve-review-comment";
import { answerMarginThread } from "./answer-margin-thread";
import { listMarginThreads } from "./list-margin-threads";

const t = createTestDb();
afterAll(() => t.cleanup());

const twoParagraphs = JSON.stringify({
  type: "doc",
  content: ["Deposits form under the skin.", "Most need no treatment."].map((text) => ({
    type: "paragraph",
    content: [{ type: "text", text }],
  })),
});

describe("the editor's margin threads", () => {
  it("lists open threads with their block's text and replies; a resolved thread leaves the margin, audited", async () => {
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"] });
    const other = await makeUser(t.db, { roles: ["WRITER"] });
    const article = await makeArticle(t.db, { authorId: writer.id, bodyJson: twoParagraphs, status: "IN_REVIEW" });
    const revision = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
    await t.db.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });
    const base = { articleId: article.id, revisionId: revision.id };
    const onSecond = await addReviewComment(t.db, reviewer, { ...base, blockIndex: 1, body: "Say which ones do." });
    const general = await addReviewComment(t.db, reviewer, { ...base, body: "Add a section on prevention." });
    const resolved = await addReviewComment(t.db, reviewer, { ...base, blockIndex: 0, body: "Fine as it is." });
    await replyToReviewComment(t.db, writer, { commentId: onSecond.id, body: "Added the large ones." });
    await answerMarginThread(t.db, writer, { action: "resolve", articleId: article.id, commentId: resolved.id });

    const threads = await listMarginThreads(t.db, writer, article.id);
    expect(threads.map((x) => [x.id, x.blockIndex, x.signature])).toEqual([
      [general.id, null, ""],
      [onSecond.id, 1, "Most need no treatment."],
    ]);
    expect(threads[1].replies.map((r) => r.body)).toEqual(["Added the large ones."]);
    expect(threads[1].may).toEqual({ reply: true, resolve: true });
    // The resolved thread stays in the review history, with its audit event.
    expect(await t.db.reviewComment.findUniqueOrThrow({ where: { id: resolved.id } })).toMatchObject({
      resolvedById: writer.id,
    });
    const events = await t.db.auditEvent.findMany({
      where: { entityId: article.id, action: "review.comment_resolved" },
    });
    expect(events.map((e) => e.actorId)).toEqual([writer.id]);

    // Someone who is not one of the article's writers may not resolve it.
    const refusal = resolveReviewComment(t.db, other, { commentId: onSecond.id });
    await expect(refusal).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listMarginThreads(t.db, writer, article.id)).length).toBe(2);
    // A comment is answered only through its own article's address.
    const elsewhere = await makeArticle(t.db, { authorId: writer.id });
    await expect(
      answerMarginThread(t.db, writer, {
        action: "reply",
        articleId: elsewhere.id,
        commentId: onSecond.id,
        body: "Hi",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await answerMarginThread(t.db, writer, {
      action: "reply",
      articleId: article.id,
      commentId: onSecond.id,
      body: "Done.",
    });
    const [, withReplies] = await listMarginThreads(t.db, writer, article.id);
    expect(withReplies.replies.map((r) => r.body)).toEqual(["Added the large ones.", "Done."]);
  });
});
