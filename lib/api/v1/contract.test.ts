// Contract tests of the content API: real responses (serialised exactly as the handlers send them) are
// validated with the zod schemas the OpenAPI document is generated from, and the served document is the
// generated one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/helpers/test-db";
import { makeArticle } from "../../../tests/helpers/factory";
import { makePublishedArticle, makeTeam, setDraft, type Team } from "../../../tests/helpers/publish-fixtures";
import { catchAppError } from "../../../tests/helpers/catch-app-error";
import { unpublishArticle } from "../../publishing/unpublish-article";
import { GET as getOpenApi } from "../../../app/api/v1/openapi.json/route";
import { getArticleV1, listArticlesV1 } from "./articles";
import { buildOpenApiDocument } from "./openapi";
import { API_RATE_LIMIT, jsonWithEtag, limitClient } from "./respond";
import { ArticleListSchema, ArticleSchema, ApiErrorSchema } from "./schemas";
import { makeCredential, makeUser } from "../../../tests/helpers/factory";
import { startTranslation } from "../../translations/start-translation";
import { submitArticle } from "../../workflow/submit-article";
import { approveRevision } from "../../review/decide-review";
import { publishArticle } from "../../publishing/publish-article";

const t = createTestDb();
afterAll(() => t.cleanup());

const ORIGIN = "https://health.example";
let team: Team;
let first: { slug: string; articleId: string };
let second: { slug: string; articleId: string };

/** What a client receives: the handler's Response, parsed. */
async function receive(value: unknown, ifNoneMatch?: string) {
  const request = new Request(`${ORIGIN}/api/v1/x`, { headers: ifNoneMatch ? { "If-None-Match": ifNoneMatch } : {} });
  const response = jsonWithEtag(request, value);
  const text = await response.text();
  return { response, body: text ? (JSON.parse(text) as unknown) : null };
}

beforeAll(async () => {
  team = await makeTeam(t.db);
  first = await makePublishedArticle(t.db, team, {
    title: "Psoriasis",
    conditionName: "Psoriasis",
    alternativeNames: ["Scaly skin"],
    summary: "Red, scaly patches.",
    blocks: ["Intro text.", "## Causes", "The immune system.", "## Treatment", "Creams and light."],
  });
  second = await makePublishedArticle(t.db, team, { title: "Acne", conditionName: "Acne vulgaris" });
  const draft = await makeArticle(t.db, { authorId: team.writer.id, title: "Draft" });
  await setDraft(t.db, draft.id, { title: "Unpublished draft" });
});

describe("GET /api/v1/articles", () => {
  it("returns published articles only, matching the ArticleList schema", async () => {
    const { response, body } = await receive(await listArticlesV1(t.db, {}, ORIGIN));
    expect(response.status).toBe(200);
    const list = ArticleListSchema.parse(body);
    expect(list.data.map((a) => a.slug)).toEqual([first.slug, second.slug]);
    expect(list.data[0]).toMatchObject({
      url: `${ORIGIN}/articles/${first.slug}`,
      alternativeNames: ["Scaly skin"],
      revision: 1,
      reviewerName: "Dr. Test Reviewer",
    });
    expect(list.nextCursor).toBeNull();
  });

  it("pages with a cursor and filters by updated_since", async () => {
    const page1 = ArticleListSchema.parse((await receive(await listArticlesV1(t.db, { limit: "1" }, ORIGIN))).body);
    expect(page1.data.map((a) => a.slug)).toEqual([first.slug]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await listArticlesV1(t.db, { limit: "1", cursor: page1.nextCursor! }, ORIGIN);
    expect(page2.data.map((a) => a.slug)).toEqual([second.slug]);
    expect(page2.nextCursor).toBeNull();

    const since = page2.data[0].updatedAt;
    expect((await listArticlesV1(t.db, { updated_since: since }, ORIGIN)).data.map((a) => a.slug)).toEqual([
      second.slug,
    ]);
    expect((await listArticlesV1(t.db, { updated_since: "2999-01-01T00:00:00Z" }, ORIGIN)).data).toEqual([]);
  });

  it("refuses bad parameters with a VALIDATION error naming the field", async () => {
    for (const [query, field] of [
      [{ limit: "0" }, "limit"],
      [{ limit: "abc" }, "limit"],
      [{ limit: "101" }, "limit"],
      [{ updated_since: "yesterday" }, "updated_since"],
      [{ cursor: "bm9wZQ" }, "cursor"],
    ] as const) {
      const err = await catchAppError(listArticlesV1(t.db, query, ORIGIN));
      expect(err.code).toBe("VALIDATION");
      expect(err.fieldErrors?.[field]?.length).toBeGreaterThan(0);
      ApiErrorSchema.parse({ error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } });
    }
  });
});

describe("GET /api/v1/articles/{slug}", () => {
  it("returns the live revision structured, matching the Article schema", async () => {
    const { body } = await receive(await getArticleV1(t.db, first.slug, ORIGIN));
    const article = ArticleSchema.parse(body);
    expect(article.sections).toEqual([
      { heading: null, level: null, text: "Intro text." },
      { heading: "Causes", level: 2, text: "The immune system." },
      { heading: "Treatment", level: 2, text: "Creams and light." },
    ]);
    expect(article.reviewer).toMatchObject({
      name: "Dr. Test Reviewer",
      postNominals: "M.D., FRCP",
      specialty: "Dermatology",
      credential: { issuingBody: "General Medical Council", jurisdiction: "United Kingdom" },
    });
    expect(article.jsonLd).toMatchObject({ "@type": "MedicalWebPage", url: `${ORIGIN}/articles/${first.slug}` });
    expect(article.bodyHtml).toContain("<h2>Causes</h2>");
  });

  it("answers 304 to a matching If-None-Match, and a new ETag once the content changes", async () => {
    const value = await getArticleV1(t.db, second.slug, ORIGIN);
    const { response } = await receive(value);
    const etag = response.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await receive(value, etag);
    expect(again.response.status).toBe(304);
    expect(again.body).toBeNull();
    expect((await receive(value, `W/${etag}, "other"`)).response.status).toBe(304);
    expect((await receive(value, '"stale"')).response.status).toBe(200);
  });

  it("is NOT_FOUND for drafts, unpublished articles and malformed slugs", async () => {
    expect((await catchAppError(getArticleV1(t.db, "no-such-article", ORIGIN))).code).toBe("NOT_FOUND");
    expect((await catchAppError(getArticleV1(t.db, "../etc/passwd", ORIGIN))).code).toBe("NOT_FOUND");
    await unpublishArticle(t.db, team.editor, { articleId: second.articleId, reason: "Out of date" });
    expect((await catchAppError(getArticleV1(t.db, second.slug, ORIGIN))).code).toBe("NOT_FOUND");
    expect((await listArticlesV1(t.db, {}, ORIGIN)).data.map((a) => a.slug)).toEqual([first.slug]);
  });
});

describe("OpenAPI document", () => {
  it("is served exactly as generated from the schemas, with every component the responses use", async () => {
    const response = getOpenApi(new Request(`${ORIGIN}/api/v1/openapi.json`));
    const served = (await response.json()) as Record<string, unknown>;
    expect(served).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(served.openapi).toBe("3.1.0");
    const schemas = (served.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas).sort()).toEqual(
      [
        "Article",
        "ArticleList",
        "ArticleSummary",
        "Error",
        "Reference",
        "Reviewer",
        "Section",
        "TranslationLink",
      ].sort(),
    );
    // Every $ref in the document points at a component that exists.
    const refs = JSON.stringify(served).match(/"\$ref":"#\/components\/schemas\/(\w+)"/g) ?? [];
    for (const r of refs) expect(schemas).toHaveProperty(r.split("/").pop()!.replace('"', ""));
  });
});

describe("rate limit", () => {
  it("allows a client its requests per minute, then refuses with RATE_LIMITED and a wait", async () => {
    const now = Date.parse("2026-11-30T10:00:05Z");
    // 121 attempts (the refused one counts) weigh 120 once 1/121 of the next window has passed: 55 s + 0.5 s.
    for (let i = 0; i < API_RATE_LIMIT.limit; i++) await limitClient(t.db, "client-a", now);
    const err = await catchAppError(limitClient(t.db, "client-a", now));
    expect(err).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: 56 } });
    ApiErrorSchema.parse({ error: { code: err.code, message: err.message, details: err.details } });
    await expect(limitClient(t.db, "client-b", now)).resolves.toMatchObject({ allowed: true });
    await expect(limitClient(t.db, "client-a", now + 60_000)).resolves.toMatchObject({ allowed: true });
  });
});

describe("translations", () => {
  it("carry their locale and links both ways; updated_since includes them", async () => {
    const es = await startTranslation(t.db, team.writer, { sourceArticleId: first.articleId, locale: "es" });
    await setDraft(t.db, es.id, {
      title: "Psoriasis",
      summary: "Placas rojas y escamosas.",
      blocks: ["Introducción.", "## Causas", "El sistema inmunitario.", "## Tratamiento", "Cremas y luz."],
    });
    const submitted = await submitArticle(t.db, team.writer, { articleId: es.id, changeSummary: "Traducción" });
    const revision = await t.db.revision.findUniqueOrThrow({ where: { id: submitted.revisionId } });
    const lucia = await makeUser(t.db, { roles: ["REVIEWER"] });
    await makeCredential(t.db, { userId: lucia.id, languages: ["es"] });
    await approveRevision(t.db, lucia, {
      articleId: es.id,
      revisionId: revision.id,
      contentHash: revision.contentHash,
      attest: true,
    });
    await t.db.plagiarismReport.create({
      data: { revisionId: revision.id, similarity: 1, parametersJson: "{}", matchesJson: "[]" },
    });
    await t.db.contentCheckRun.create({ data: { articleId: es.id, revisionId: revision.id, findingsJson: "[]" } });
    const published = await publishArticle(t.db, team.editor, { articleId: es.id, revisionId: revision.id });

    const since = published.publishedAt.toISOString();
    const list = ArticleListSchema.parse(
      (await receive(await listArticlesV1(t.db, { updated_since: since }, ORIGIN))).body,
    );
    expect(list.data).toEqual([
      expect.objectContaining({
        slug: es.slug,
        locale: "es",
        url: `${ORIGIN}/es/articles/${es.slug}`,
        translationOf: { locale: "en", slug: first.slug, url: `${ORIGIN}/articles/${first.slug}` },
        translations: [{ locale: "en", slug: first.slug, url: `${ORIGIN}/articles/${first.slug}` }],
      }),
    ]);
    const original = ArticleSchema.parse((await receive(await getArticleV1(t.db, first.slug, ORIGIN))).body);
    expect(original).toMatchObject({
      locale: "en",
      translationOf: null,
      translations: [{ locale: "es", slug: es.slug, url: `${ORIGIN}/es/articles/${es.slug}` }],
    });
    const spanish = ArticleSchema.parse((await receive(await getArticleV1(t.db, es.slug, ORIGIN))).body);
    expect(spanish).toMatchObject({ locale: "es", translationOf: { slug: first.slug } });
  });
});
