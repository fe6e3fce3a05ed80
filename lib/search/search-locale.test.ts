// Site search per language, against a real migrated database (SQLite, and PostgreSQL with TEST_DB=postgres): a
// search made from a Spanish page finds Spanish articles only, with or without accents, plural or singular; an
// English search never returns the Spanish translation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle } from "../../tests/helpers/factory";
import { makeTeam, publishDraft, setDraft, type Team } from "../../tests/helpers/publish-fixtures";
import { searchArticles } from "./search-articles";
import { spanishQueryStem } from "./search-locale";

const t = createTestDb();
afterAll(() => t.cleanup());

let team: Team;
let english: string;
let spanish: string;

async function publishIn(locale: string, content: Parameters<typeof setDraft>[2]) {
  const article = await makeArticle(t.db, { authorId: team.writer.id, title: content.title });
  await t.db.article.update({ where: { id: article.id }, data: { locale } });
  await setDraft(t.db, article.id, content);
  await publishDraft(t.db, team, article.id);
  return (await t.db.article.findUniqueOrThrow({ where: { id: article.id }, select: { slug: true } })).slug;
}

const slugs = async (q: string, locale: "en" | "es") =>
  (await searchArticles(t.db, { q }, locale)).hits.map((h) => h.slug);

beforeAll(async () => {
  team = await makeTeam(t.db);
  // The reviewer may approve Spanish articles (a credential lists the languages its holder reviews in).
  await t.db.credential.updateMany({ where: { userId: team.reviewer.id }, data: { languages: '["en","es"]' } });
  english = await publishIn("en", {
    title: "Calcinosis cutis",
    conditionName: "Calcinosis cutis",
    summary: "Calcium deposits in the skin.",
    blocks: ["Calcification of the skin causes firm, whitish lumps. Diabetic patients heal slowly."],
  });
  spanish = await publishIn("es", {
    title: "Calcinosis cutánea",
    conditionName: "Calcinosis cutánea",
    summary: "Depósitos de calcio en la piel.",
    blocks: [
      "La calcificación de la piel produce bultos duros y blanquecinos. Los síntomas de las pacientes diabéticas.",
    ],
  });
});

describe("search per language", () => {
  it("a Spanish word finds the Spanish article with and without its accents, and not the English one", async () => {
    expect(await slugs("calcificación", "es")).toEqual([spanish]);
    expect(await slugs("calcificacion", "es")).toEqual([spanish]);
    expect(await slugs("cutanea", "es")).toEqual([spanish]);
    expect(await slugs("depósitos piel", "es")).toEqual([spanish]);
  });

  it("a word both articles use finds each page's own language only", async () => {
    expect(await slugs("calcinosis", "es")).toEqual([spanish]);
    expect(await slugs("calcinosis", "en")).toEqual([english]);
    expect(await slugs("calcificación", "en")).toEqual([]);
  });

  it("Spanish singular and plural, masculine and feminine forms find each other", async () => {
    expect(await slugs("síntoma", "es")).toEqual([spanish]);
    expect(await slugs("diabético", "es")).toEqual([spanish]);
    expect(await slugs("bulto", "es")).toEqual([spanish]);
    expect(await slugs("paciente", "es")).toEqual([spanish]);
  });

  it("marks the matched words in the Spanish snippet as written", async () => {
    const hit = (await searchArticles(t.db, { q: "piel" }, "es")).hits[0];
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toContain("piel");
  });

  it("stems Spanish query words lightly: plural, then the gender vowel; short words as typed", () => {
    expect(
      ["sintomas", "enfermedades", "diabeticas", "dolores", "piel", "mano", "calcificacion"].map(spanishQueryStem),
    ).toEqual(["sintom", "enfermedad", "diabetic", "dolor", "piel", "mano", "calcificacion"]);
  });
});
