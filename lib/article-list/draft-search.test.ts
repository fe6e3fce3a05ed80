// The studio's draft search tolerates a typo the way the readers' search does: a word no published article
// uses is also looked for as the published words one edit away (lib/search/vocabulary.ts), on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle } from "../../tests/helpers/factory";
import { makePublishedArticle, makeTeam } from "../../tests/helpers/publish-fixtures";
import { searchDrafts } from "./draft-search";
import { toFtsQuery } from "./sqlite-draft-search";

const t = createTestDb();
afterAll(() => t.cleanup());

let publishedId: string;
let draftId: string;
let draftOnlyId: string;

beforeAll(async () => {
  const team = await makeTeam(t.db);
  publishedId = (
    await makePublishedArticle(t.db, team, {
      title: "Granuloma annulare",
      conditionName: "Granuloma annulare",
      summary: "Rings of small bumps.",
      blocks: ["Firm papules often appear near the elbows."],
    })
  ).articleId;
  draftId = (
    await makeArticle(t.db, { authorId: team.writer.id, title: "Elbow rash", body: "Papules near the elbows." })
  ).id;
  draftOnlyId = (
    await makeArticle(t.db, { authorId: team.writer.id, title: "Quokkafish sting", body: "Not yet published." })
  ).id;
});

describe("studio draft search", () => {
  it("finds drafts through a typo one edit from a published word, in every word of the query", async () => {
    for (const typo of ["elbwos", "papuls near", "firm elbwos", "ELBOWZ"]) {
      expect((await searchDrafts(t.db, typo)).sort(), typo).toEqual(
        (typo === "firm elbwos" ? [publishedId] : [publishedId, draftId]).sort(),
      );
    }
  });

  it("still finds a word only drafts use as typed, and nothing for a word far from every spelling", async () => {
    expect(await searchDrafts(t.db, "quokkafish")).toEqual([draftOnlyId]);
    expect(await searchDrafts(t.db, "quokk")).toEqual([draftOnlyId]); // still a prefix while typing
    expect(await searchDrafts(t.db, "zzzzqq")).toEqual([]);
  });

  it("quotes every spelling for FTS5, any spelling of a word matching", () => {
    expect(
      toFtsQuery({ words: ["elbwos", "fi"], spellings: [["elbwos", "elbows"], ["fi"]], lastIsPrefix: false }),
    ).toBe(`("elbwos" OR "elbows") AND "fi"`);
    expect(toFtsQuery({ words: ["papuls"], spellings: [["papuls", "papules"]], lastIsPrefix: true })).toBe(
      `("papuls"* OR "papules"*)`,
    );
  });
});
