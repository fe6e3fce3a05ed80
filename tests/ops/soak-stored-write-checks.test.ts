// The soak's last checks (scripts/lib/soak/stored-write-checks.ts): they pass when every acknowledged write is
// stored, and when the database has gone away during the run each one is still asked and printed as failed with
// the reason (the soak crashed on the first one instead, so the others were never printed).
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeArticle } from "../helpers/factory";
import { makePublishedArticle, makeTeam, setDraft } from "../helpers/publish-fixtures";
import { checkStoredWrites, type AcknowledgedWrites } from "../../scripts/lib/soak/stored-write-checks";

const t = createTestDb();
afterAll(() => t.cleanup());

async function acknowledgedWrites(): Promise<AcknowledgedWrites> {
  const team = await makeTeam(t.db);
  const p = await makePublishedArticle(t.db, team, { title: "Living with gout", blocks: ["Text."] });
  await t.db.feedback.create({
    data: {
      articleId: p.articleId,
      revisionId: p.revisionId,
      helpful: false,
      comment: "soak feedback 1",
      clientHash: "h",
    },
  });
  const autosaved = await makeArticle(t.db, { authorId: team.writer.id, title: "Autosaved" });
  await setDraft(t.db, autosaved.id, { title: "Autosaved", blocks: ["Typed so far: autosave-1"] });
  const coEdited = await makeArticle(t.db, { authorId: team.writer.id, title: "Co-edited" });
  await setDraft(t.db, coEdited.id, { title: "Co-edited", blocks: ["[w0-1][w1-1]"] });
  const version = (await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: autosaved.id } })).version;
  return {
    feedbackComments: ["soak feedback 1"],
    feedbackCommentPrefix: "soak feedback ",
    autosaves: [{ articleId: autosaved.id, version, lastMarker: "autosave-1" }],
    coEdited: { articleId: coEdited.id, markers: ["[w0-1]", "[w1-1]"] },
    decisions: [{ revisionId: p.revisionId, reviewerId: team.reviewer.id, decision: "APPROVED" }],
    publications: [{ articleId: p.articleId, revisionId: p.revisionId }],
  };
}

async function run(acknowledged: AcknowledgedWrites) {
  const printed: Array<{ ok: boolean; what: string }> = [];
  await checkStoredWrites(t.db, acknowledged, (ok, what) => printed.push({ ok, what }));
  return printed;
}

describe("the soak's stored-write checks", () => {
  let acknowledged: AcknowledgedWrites;

  it("pass when every acknowledged write is stored and the chain verifies; fail on a lost one", async () => {
    acknowledged = await acknowledgedWrites();
    const printed = await run(acknowledged);
    expect(printed.map((c) => c.what.split(" (")[0])).toEqual([
      "every acknowledged feedback answer is stored",
      "autosave: the draft holds the last acknowledged save",
      "co-editing: every stored-acknowledged marker is in the draft",
      "every review decision is stored",
      "every publication is live",
      "audit chain verifies",
    ]);
    expect(printed.filter((c) => !c.ok)).toEqual([]);

    const lost = await run({ ...acknowledged, feedbackComments: ["soak feedback 1", "soak feedback 2"] });
    expect(lost[0]).toMatchObject({ ok: false, what: expect.stringContaining("lost 1") });
    expect(lost.slice(1).every((c) => c.ok)).toBe(true);
  });

  it("when the database is gone, prints every check as failed with the reason", async () => {
    await t.cleanup(); // SQLite: the file and its folder removed; PostgreSQL: the database dropped
    const printed = await run(acknowledged);
    expect(printed).toHaveLength(6);
    for (const c of printed) {
      expect(c.ok).toBe(false);
      expect(c.what).toContain("could not check: ");
    }
  });
});
