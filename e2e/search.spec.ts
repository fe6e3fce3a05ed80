// Readers find articles: the search box on every public page (with and without JavaScript), typo tolerance,
// drafts never found, Conditions A–Z with alternative names, and the content API against its contract.
import { expect, test } from "@playwright/test";
import { DEMO_ARTICLE_SLUG, demoArticle } from "../prisma/demo/calcinosis-cutis";
import { freezeRevision } from "../lib/revisions/freeze-revision";
import { ArticleListSchema, ArticleSchema, ApiErrorSchema } from "../lib/api/v1/schemas";
import { buildOpenApiDocument } from "../lib/api/v1/openapi";
import { e2eDb } from "./helpers/db";
import { createTestUser, uniqueSuffix } from "./helpers/factory";

const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test("search box on a public page finds the article from a misspelt condition name (JavaScript on)", async ({
  page,
}) => {
  await page.goto("/editorial-policy");
  const box = page.getByRole("search", { name: "Site" }).getByRole("searchbox", { name: "Search articles" });
  await box.fill("calcinossis cutis");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=calcinossis\+cutis/);
  const results = page.getByRole("region", { name: /result/i });
  await expect(results.getByRole("heading", { level: 2 })).toContainText("for “calcinossis cutis”");
  const link = results.getByRole("link", { name: demoArticle.title, exact: true });
  await expect(link).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
  await expect(page.getByText("Also searched for “calcinosis”")).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/articles/${DEMO_ARTICLE_SLUG}$`));
});

test("search, its empty and no-result states, and Conditions A–Z work with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(page.getByText("Type a condition, a symptom or a treatment.")).toBeVisible();

  // A lay term (an alternative name) in the plural, typed into the page's own box.
  const box = page.getByRole("search", { name: "Search again" }).getByRole("searchbox");
  await box.fill("calcium deposit");
  await page.getByRole("search", { name: "Search again" }).getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: demoArticle.title, exact: true })).toBeVisible();
  await expect(page.getByText("Also known as:")).toContainText("Calcium deposits in the skin");

  await page.goto("/search?q=xylophonic+quasar");
  await expect(page.getByRole("status")).toContainText("No published article matches “xylophonic quasar”");

  await page.goto("/conditions");
  await expect(page.getByRole("heading", { level: 1, name: "Conditions A–Z" })).toBeVisible();
  const letters = page.getByRole("navigation", { name: "Letters" });
  await letters.getByRole("link", { name: "C", exact: true }).click();
  await expect(page).toHaveURL(/#letter-c$/);
  const c = page.getByRole("region", { name: "C", exact: true });
  // The condition itself first, then its alternative names, each pointing to it.
  const links = c.getByRole("link", { name: "Calcinosis cutis", exact: true });
  await expect(links).toHaveCount(1 + demoArticle.alternativeNames.length);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
    expect(href).toBe(`/articles/${DEMO_ARTICLE_SLUG}`);
  await expect(c.getByText("Cutaneous calcification → see")).toBeVisible();
  await context.close();
});

test("a draft's words are never found, in a new draft nor in a frozen revision that is not live", async ({
  page,
  request,
}) => {
  const writer = await createTestUser({ roles: ["WRITER"] });
  const word = `zorbleflux${uniqueSuffix().replace(/[^a-z]/g, "")}`;
  const article = await e2eDb().article.create({
    data: {
      slug: `draft-${uniqueSuffix()}`,
      createdById: writer.id,
      authors: { create: { userId: writer.id } },
      draft: {
        create: {
          title: `Draft about ${word}`,
          conditionName: word,
          alternativeNames: JSON.stringify([`${word} syndrome`]),
          bodyJson: doc(`Unreviewed text mentioning ${word}.`),
        },
      },
    },
  });
  await e2eDb().$transaction((tx) =>
    freezeRevision(tx, { articleId: article.id, actorId: writer.id, changeSummary: "Submitted" }),
  );
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("status")).toContainText(`No published article matches “${word}”`);
  await page.goto("/conditions");
  await expect(page.getByText(word)).toHaveCount(0);
  const api = await request.get("/api/v1/articles?limit=100");
  expect(JSON.stringify(await api.json())).not.toContain(word);
});

test("content API responses match the OpenAPI contract, with ETags, 304 and JSON errors", async ({ request }) => {
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect(await openapi.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));

  const list = await request.get("/api/v1/articles?limit=5");
  expect(list.status()).toBe(200);
  expect(list.headers()["ratelimit-limit"]).toBeTruthy();
  const page = ArticleListSchema.parse(await list.json());
  expect(page.data.map((a) => a.slug)).toContain(DEMO_ARTICLE_SLUG);

  const one = await request.get(`/api/v1/articles/${DEMO_ARTICLE_SLUG}`);
  expect(one.status()).toBe(200);
  const article = ArticleSchema.parse(await one.json());
  expect(article.alternativeNames).toEqual(demoArticle.alternativeNames);
  expect(article.reviewer?.credential.issuingBody).toBeTruthy();
  const etag = one.headers()["etag"];
  const again = await request.get(`/api/v1/articles/${DEMO_ARTICLE_SLUG}`, { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);

  const missing = await request.get("/api/v1/articles/no-such-article");
  expect(missing.status()).toBe(404);
  expect(ApiErrorSchema.parse(await missing.json()).error.code).toBe("NOT_FOUND");
  const bad = await request.get("/api/v1/articles?limit=0");
  expect(bad.status()).toBe(400);
  expect(ApiErrorSchema.parse(await bad.json()).error.fieldErrors?.limit).toBeTruthy();
});
