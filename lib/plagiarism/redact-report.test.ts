import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeRevision, makeUser } from "../../tests/helpers/factory";
import { afterRevisionFrozen } from "../revisions/after-freeze";
import { latestPlagiarismReport } from "./read-report";
import { HIDDEN_SOURCE_TITLE } from "./redact-report";

const t = createTestDb();
afterAll(() => t.cleanup());

const SHARED =
  "Calcium deposits form firm white nodules in the skin of the forearm, and they can ulcerate and discharge a chalky material when they grow near the surface over many months of slow change.";

describe("plagiarism report visibility", () => {
  it("withholds a matched unpublished article from a writer who may not open it, and still counts it", async () => {
    const alice = await makeUser(t.db, { roles: ["WRITER"], name: "Alice Writer" });
    const bob = await makeUser(t.db, { roles: ["WRITER"], name: "Bob Writer" });
    const editor = await makeUser(t.db, { roles: ["EDITOR"] });
    const secret = await makeArticle(t.db, { authorId: alice.id, title: "Alice's secret draft", body: SHARED });
    const secretRev = await makeRevision(t.db, { articleId: secret.id, authorId: alice.id });
    await afterRevisionFrozen(t.db, secretRev.id);
    const copy = await makeArticle(t.db, {
      authorId: bob.id,
      title: "Bob's article",
      body: `Our opening words. ${SHARED}`,
    });
    const copyRev = await makeRevision(t.db, { articleId: copy.id, authorId: bob.id });
    await afterRevisionFrozen(t.db, copyRev.id);

    const full = (await latestPlagiarismReport(t.db, copyRev.id, editor))!;
    const seen = full.matches.find((m) => m.source.articleId === secret.id)!;
    expect(seen.source.title).toMatch(/^Alice's secret draft/);
    expect(seen.passages[0].theirs.text).toMatch(/Calcium deposits/);

    const forBob = (await latestPlagiarismReport(t.db, copyRev.id, bob))!;
    expect(forBob.similarity).toBe(full.similarity);
    expect(forBob.matches).toHaveLength(full.matches.length);
    const hidden = forBob.matches.find((m) => m.source.hidden)!;
    expect(hidden).toBeDefined();
    expect(hidden.percent).toBe(seen.percent);
    expect(hidden.source).toMatchObject({ title: HIDDEN_SOURCE_TITLE, url: null, articleId: null, id: "" });
    const serialised = JSON.stringify(forBob);
    expect(serialised).not.toContain("secret draft");
    expect(serialised).not.toContain(secret.slug);
    expect(serialised).not.toContain(secret.id);
    expect(hidden.passages[0].theirs).toMatchObject({ text: "", before: "", after: "" });
    expect(hidden.passages[0].ours.text).toMatch(/Calcium deposits/); // Bob's own words stay

    // Once that revision is live, its text is public: shown to everyone.
    await t.db.article.update({ where: { id: secret.id }, data: { liveRevisionId: secretRev.id } });
    const afterPublish = (await latestPlagiarismReport(t.db, copyRev.id, bob))!;
    expect(afterPublish.matches.find((m) => m.source.articleId === secret.id)?.source.title).toMatch(
      /^Alice's secret draft/,
    );
  });
});
