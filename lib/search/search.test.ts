// Site search against a real migrated SQLite file: only live text is found, typos and plural forms are
// tolerated, results are ranked and highlighted, and the index follows publish and unpublish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle } from "../../tests/helpers/factory";
import {
  makePublishedArticle,
  makeTeam,
  publishDraft,
  setDraft,
  type Team,
} from "../../tests/helpers/publish-fixtures";
import { unpublishArticle } from "../publishing/unpublish-article";
import { searchArticles } from "./search-articles";
import { rebuildSearchIndex } from "./sync-article-search";
import { updateAlternativeNames, updateAlternativeNamesSchema } from "../articles/update-alternative-names";
import { viaSchema } from "../../tests/helpers/via-schema";
import { listConditions } from "../public/list-conditions";
import type { TextSegment } from "./search-index";

const t = createTestDb();
afterAll(() => t.cleanup());

let team: Team;
const text = (segments: TextSegment[] | null) => (segments ?? []).map((s) => s.text).join("");
const marked = (segments: TextSegment[] | null) => (segments ?? []).filter((s) => s.match).map((s) => s.text);
const slugsFor = async (q: string) => (await searchArticles(t.db, { q })).hits.map((h) => h.slug);

let psoriasis: { slug: string; articleId: string };
let eczema: { slug: string; articleId: string };

beforeAll(async () => {
  team = await makeTeam(t.db);
  psoriasis = await makePublishedArticle(t.db, team, {
    title: "Psoriasis: symptoms and treatment",
    conditionName: "Psoriasis",
    alternativeNames: ["Scaly skin plaques"],
    summary: "A long-lasting skin condition with red, scaly patches.",
    blocks: ["## Causes", "The immune system speeds up the growth of skin cells.", "Flare-ups come and go."],
  });
  eczema = await makePublishedArticle(t.db, team, {
    title: "Atopic eczema",
    conditionName: "Atopic dermatitis",
    summary: "Itchy, dry skin that often starts in childhood.",
    blocks: ["Emollients keep the skin barrier intact. Psoriasis is a different condition."],
  });
});

describe("searchArticles", () => {
  it("finds a published article by its condition name and ranks the title match first", async () => {
    const page = await searchArticles(t.db, { q: "psoriasis" });
    expect(page.hits.map((h) => h.slug)).toEqual([psoriasis.slug, eczema.slug]);
    expect(page.total).toBe(2);
    expect(marked(page.hits[0].title)).toEqual(["Psoriasis"]);
    expect(text(page.hits[0].title)).toBe("Psoriasis: symptoms and treatment");
  });

  it("finds a word in the body and marks it in the snippet", async () => {
    const page = await searchArticles(t.db, { q: "emollients" });
    expect(page.hits.map((h) => h.slug)).toEqual([eczema.slug]);
    expect(marked(page.hits[0].snippet)).toEqual(["Emollients"]);
  });

  it("tolerates one typo per word and says how it read the word", async () => {
    expect(await slugsFor("psoraisis")).toContain(psoriasis.slug); // transposition
    expect(await slugsFor("psoriasiss")).toContain(psoriasis.slug); // insertion
    expect(await slugsFor("atopc dermatitus")).toEqual([eczema.slug]); // one typo in each word
    const page = await searchArticles(t.db, { q: "psoraisis" });
    expect(page.corrections).toEqual({ psoraisis: ["psoriasis"] });
  });

  it("matches plural and singular forms", async () => {
    expect(await slugsFor("patch")).toEqual([psoriasis.slug]);
    expect(await slugsFor("flare-up")).toEqual([psoriasis.slug]);
    expect(await slugsFor("cell")).toEqual([psoriasis.slug]);
  });

  it("finds alternative names and shows which one matched", async () => {
    const page = await searchArticles(t.db, { q: "plaque" });
    expect(page.hits.map((h) => h.slug)).toEqual([psoriasis.slug]);
    expect(marked(page.hits[0].alternativeNames)).toEqual(["plaques"]);
  });

  it("requires every word (AND) and returns nothing for unknown words", async () => {
    expect(await slugsFor("skin psoriasis")).toHaveLength(2);
    expect(await slugsFor("childhood psoriasis")).toEqual([eczema.slug]);
    expect(await slugsFor("xylophone")).toEqual([]);
    expect((await searchArticles(t.db, { q: "" })).total).toBe(0);
  });

  it("treats FTS5 syntax as plain words and returns text, never markup", async () => {
    for (const q of ['"', "psoriasis OR", "NEAR(skin", "*", "title:psoriasis", "^skin", "<b>skin</b>"])
      await expect(searchArticles(t.db, { q })).resolves.toBeDefined();
    const page = await searchArticles(t.db, { q: "<psoriasis>" });
    expect(page.hits.map((h) => h.slug)).toEqual([psoriasis.slug, eczema.slug]);
  });

  it("pages the results", async () => {
    const first = await searchArticles(t.db, { q: "skin", page: "1" });
    expect(first).toMatchObject({ total: 2, page: 1, pageSize: 10 });
    const beyond = await searchArticles(t.db, { q: "skin", page: "5" });
    expect(beyond.hits).toEqual([]);
    const nonsense = await searchArticles(t.db, { q: "skin", page: "-3" });
    expect(nonsense.page).toBe(1);
  });
});

describe("only published text", () => {
  it("never finds a draft's words, and finds the new text only once it is published", async () => {
    const draft = await makeArticle(t.db, { authorId: team.writer.id, title: "Draft" });
    await setDraft(t.db, draft.id, { title: "Zymoglobulin draft", blocks: ["Unreviewed quorblast text."] });
    expect(await slugsFor("zymoglobulin")).toEqual([]);
    expect(await slugsFor("quorblast")).toEqual([]);

    // A live article whose next draft has new words: the draft's words stay out until that draft is published.
    await setDraft(t.db, eczema.articleId, {
      title: "Atopic eczema",
      conditionName: "Atopic dermatitis",
      blocks: ["Wet wraps (vlimmerpack) help at night."],
    });
    expect(await slugsFor("vlimmerpack")).toEqual([]);
    expect(await slugsFor("emollients")).toEqual([eczema.slug]);
    await publishDraft(t.db, team, eczema.articleId);
    expect(await slugsFor("vlimmerpack")).toEqual([eczema.slug]);
    expect(await slugsFor("emollients")).toEqual([]);
  });

  it("shows alternative names a writer adds only once the revision with them is live", async () => {
    const names = (alternativeNames: string) =>
      viaSchema(updateAlternativeNamesSchema, { articleId: eczema.articleId, alternativeNames }, (input) =>
        updateAlternativeNames(t.db, team.writer, input),
      );
    const result = await names("Weeping skin rash\n\nweeping skin rash\n");
    expect(result).toMatchObject({ alternativeNames: ["Weeping skin rash"], changed: true });
    expect(await slugsFor("weeping")).toEqual([]);
    expect((await listConditions(t.db)).flatMap((g) => g.entries).map((e) => e.name)).not.toContain(
      "Weeping skin rash",
    );
    await publishDraft(t.db, team, eczema.articleId);
    expect(await slugsFor("weeping")).toEqual([eczema.slug]);
    const entries = (await listConditions(t.db)).flatMap((g) => g.entries);
    expect(entries).toContainEqual({ name: "Weeping skin rash", slug: eczema.slug, see: "Atopic dermatitis" });
    expect(entries).toContainEqual({ name: "Atopic dermatitis", slug: eczema.slug, see: null });
    await expect(names("x".repeat(200))).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("drops an unpublished article at once, and a rebuild gives the same index", async () => {
    await unpublishArticle(t.db, team.editor, { articleId: psoriasis.articleId, reason: "Being rewritten" });
    expect(await slugsFor("psoriasis")).toEqual([]);
    expect(await slugsFor("scaly")).toEqual([]);
    expect(await t.db.searchEntry.count({ where: { articleId: psoriasis.articleId } })).toBe(0);

    await rebuildSearchIndex(t.db);
    expect(await slugsFor("psoriasis")).toEqual([]);
    expect(await slugsFor("vlimmerpack")).toEqual([eczema.slug]);
  });
});
