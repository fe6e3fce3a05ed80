import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import { reviewQueue } from "./load-worklists";

const t = createTestDb();
afterAll(() => t.cleanup());

const person = (email: string, roles: ("WRITER" | "REVIEWER")[]) => makeUser(t.db, { email, roles });

async function revision(articleId: string, number: number, contributorIds: string[]) {
  return t.db.revision.create({
    data: {
      articleId,
      number,
      title: "T",
      summary: "S",
      bodyJson: "{}",
      referencesJson: "[]",
      contentHash: `h${number}`,
      authorId: contributorIds[0],
      contributors: { create: contributorIds.map((userId) => ({ userId })) },
    },
  });
}

describe("reviewQueue", () => {
  it("leaves out articles whose current review cycle the reviewer helped write", async () => {
    const writer = await person("w@example.com", ["WRITER"]);
    const editingReviewer = await person("r1@example.com", ["REVIEWER", "WRITER"]);
    const otherReviewer = await person("r2@example.com", ["REVIEWER"]);
    const article = await t.db.article.create({ data: { slug: "queue-test", createdById: writer.id } });
    // Revision 1: edited by the first reviewer, changes were requested. Revision 2: only the writer.
    await revision(article.id, 1, [writer.id, editingReviewer.id]);
    const current = await revision(article.id, 2, [writer.id]);
    await t.db.article.update({
      where: { id: article.id },
      data: { status: "IN_REVIEW", currentRevisionId: current.id },
    });

    expect((await reviewQueue(t.db, editingReviewer)).map((a) => a.id)).not.toContain(article.id);
    expect((await reviewQueue(t.db, otherReviewer)).map((a) => a.id)).toContain(article.id);
  });
});
