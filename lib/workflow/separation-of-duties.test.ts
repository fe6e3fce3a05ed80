// Nobody approves an article they wrote or edited, in any review cycle: not in the cycle under review, not in
// an earlier one that was approved and published, and not as one of its authors.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeApproval, makeArticle, makeCredential, makeRevision, makeUser } from "../../tests/helpers/factory";
import type { Actor } from "../auth/policy";
import { approveRevision } from "../review/decide-review";
import { articleContributorIds } from "./article-contributors";
import { loadGate } from "../gate/load-gate";

const t = createTestDb();
afterAll(() => t.cleanup());

async function reviewer(name: string) {
  const user = await makeUser(t.db, { roles: ["REVIEWER"], name });
  await makeCredential(t.db, { userId: user.id });
  return user;
}

/** Revision 1 edited by `earlierEditorId`, approved by someone else and published; revision 2 by the writer only. */
async function secondCycle(earlierEditorId: string) {
  const writer = await makeUser(t.db, { roles: ["WRITER"] });
  const first = await reviewer("First Approver");
  const article = await makeArticle(t.db, { authorId: writer.id });
  const rev1 = await makeRevision(t.db, {
    articleId: article.id,
    authorId: writer.id,
    contributors: [writer.id, earlierEditorId],
  });
  await makeApproval(t.db, { revisionId: rev1.id, reviewerId: first.id, credentialId: null });
  await t.db.publication.create({ data: { articleId: article.id, revisionId: rev1.id, publishedById: writer.id } });
  await t.db.workingDraft.update({ where: { articleId: article.id }, data: { summary: "Updated summary." } });
  const rev2 = await makeRevision(t.db, {
    articleId: article.id,
    authorId: writer.id,
    contributors: [writer.id],
    changeSummary: "Second cycle",
  });
  await t.db.article.update({
    where: { id: article.id },
    data: { status: "IN_REVIEW", liveRevisionId: rev1.id, currentRevisionId: rev2.id },
  });
  return { article, rev2 };
}

const approve = (actor: Actor, article: { id: string }, rev: { id: string; contentHash: string }) =>
  approveRevision(t.db, actor, {
    articleId: article.id,
    revisionId: rev.id,
    contentHash: rev.contentHash,
    attest: true,
    // The second cycle re-reviews a live article, where the evidence check is required.
    evidenceChecked: true,
  });

describe("separation of duties across review cycles", () => {
  it("refuses a reviewer who edited an earlier, approved and published cycle", async () => {
    const earlier = await reviewer("Earlier Editor");
    const { article, rev2 } = await secondCycle(earlier.id);
    await expect(approve(earlier, article, rev2)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/earlier review cycle/),
    });
    const independent = await reviewer("Independent Reviewer");
    await expect(approve(independent, article, rev2)).resolves.toBeTruthy();
  });

  it("refuses an author of the article who holds the reviewer role, even without editing a revision", async () => {
    const authorReviewer = await makeUser(t.db, { roles: ["WRITER", "REVIEWER"] });
    await makeCredential(t.db, { userId: authorReviewer.id });
    const writer = await makeUser(t.db, { roles: ["WRITER"] });
    const article = await makeArticle(t.db, { authorId: writer.id });
    await t.db.articleAuthor.create({ data: { articleId: article.id, userId: authorReviewer.id } });
    const rev = await makeRevision(t.db, { articleId: article.id, authorId: writer.id, contributors: [writer.id] });
    await t.db.article.update({ where: { id: article.id }, data: { status: "IN_REVIEW", currentRevisionId: rev.id } });
    await expect(approve(authorReviewer, article, rev)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("the publish gate does not count an approval by someone who edited an earlier cycle", async () => {
    const earlier = await reviewer("Earlier Editor Two");
    const { article, rev2 } = await secondCycle(earlier.id);
    expect(await articleContributorIds(t.db, article.id)).toContain(earlier.id);
    const approvalItem = async () => (await loadGate(t.db, article.id))!.items.find((i) => i.key === "approval")!;
    const earlierCred = await t.db.credential.findFirstOrThrow({ where: { userId: earlier.id } });
    // written around approveRevision
    await makeApproval(t.db, { revisionId: rev2.id, reviewerId: earlier.id, credentialId: earlierCred.id });
    expect((await approvalItem()).state).toBe("failed");
    expect((await approvalItem()).reason).toMatch(/wrote or edited this article/);
  });
});
