// The article header and the update history read the reviewer from the same stored credential snapshot, so
// they always name the same person, and neither names anyone when the snapshot does not.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeApproval, makeArticle, makeReviewer, makeRevision, makeUser } from "../helpers/factory";
import { getPublicArticle } from "../../lib/public/get-public-article";
import { getPublicTrail } from "../../lib/publishing/public-trail";

const t = createTestDb();
afterAll(() => t.cleanup());

/** A live article whose one publication went out on an approval carrying `snapshot`. */
async function publishedWith(snapshot: Record<string, unknown>) {
  const writer = await makeUser(t.db, { roles: ["WRITER"], name: "Wendy Writer" });
  const { user: reviewer } = await makeReviewer(t.db, { name: "Account Name Of Reviewer" });
  const article = await makeArticle(t.db, { authorId: writer.id, title: "Gout" });
  const revision = await makeRevision(t.db, { articleId: article.id, authorId: writer.id });
  await makeApproval(t.db, {
    revisionId: revision.id,
    reviewerId: reviewer.id,
    credentialSnapshot: JSON.stringify(snapshot),
  });
  const now = new Date();
  await t.db.publication.create({ data: { articleId: article.id, revisionId: revision.id, publishedById: writer.id } });
  await t.db.article.update({
    where: { id: article.id },
    data: { status: "PUBLISHED", liveRevisionId: revision.id, firstPublishedAt: now, lastPublishedAt: now },
  });
  const header = (await getPublicArticle(t.db, article.slug))!;
  const trail = await getPublicTrail(t.db, article.id);
  return { header, trail };
}

describe("the reviewer readers are shown", () => {
  it("is the snapshot's display name in the header and in the update history", async () => {
    const { header, trail } = await publishedWith({ displayName: "Dr. Ana Ortiz", postNominals: "M.D., FAAD" });
    expect(header.review).toMatchObject({ displayName: "Dr. Ana Ortiz", postNominals: "M.D., FAAD" });
    expect(trail.history[0].reviewer).toMatchObject({ displayName: "Dr. Ana Ortiz", postNominals: "M.D., FAAD" });
    expect(trail.reviewer?.displayName).toBe("Dr. Ana Ortiz");
  });

  it("is nobody in both places when the approval's snapshot has no display name", async () => {
    const { header, trail } = await publishedWith({ postNominals: "M.D.", specialty: "Dermatology" });
    expect(header.review).toBeNull();
    expect(trail.history).toHaveLength(1);
    expect(trail.history[0].reviewer).toBeNull();
    expect(trail.reviewer).toBeNull();
    // The account name never stands in for a missing credential on readers' pages.
    expect(JSON.stringify([header, trail])).not.toContain("Account Name Of Reviewer");
  });
});
