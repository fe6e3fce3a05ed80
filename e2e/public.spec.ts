// Readers' side: the seeded demo article as a reader sees it, with and without JavaScript.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ARTICLE_SLUG, demoReferences } from "../prisma/demo/calcinosis-cutis";
import { DEMO_CREDENTIAL } from "../prisma/seed-users";
import { e2eDb } from "./helpers/db";
import { formatLongDate } from "../lib/public/format-date";

const ARTICLE_PATH = `/articles/${DEMO_ARTICLE_SLUG}`;
const REVIEWED_BY = `${DEMO_CREDENTIAL.displayName}, ${DEMO_CREDENTIAL.postNominals}`;

/** What the database recorded for the demo article: the dates the page must show. */
async function recorded() {
  const article = await e2eDb().article.findUniqueOrThrow({
    where: { slug: DEMO_ARTICLE_SLUG },
    include: {
      liveRevision: { include: { reviews: { where: { decision: "APPROVED", voidedAt: null } }, publications: true } },
    },
  });
  const rev = article.liveRevision!;
  return {
    reviewedAt: rev.reviews[0].createdAt,
    lastModified: rev.publications[0].publishedAt,
    firstPublished: article.firstPublishedAt!,
    referencesJson: JSON.parse(rev.referencesJson) as { key: string; url: string | null }[],
  };
}

async function expectReaderContent(page: Page) {
  const facts = await recorded();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Calcinosis Cutis: Causes, Symptoms, Treatment, Diagnosis",
  );

  const reviewed = page.getByTestId("medically-reviewed");
  await expect(reviewed).toContainText(`Medically reviewed by ${REVIEWED_BY}`);
  await expect(reviewed).toContainText(formatLongDate(facts.reviewedAt));
  await expect(page.getByTestId("last-modified")).toHaveText(`Last modified on ${formatLongDate(facts.lastModified)}`);
  await expect(page.getByTestId("first-published")).toHaveText(
    `First published on ${formatLongDate(facts.firstPublished)}`,
  );
  await expect(page.getByTestId("last-modified").locator("time")).toHaveAttribute(
    "datetime",
    facts.lastModified.toISOString(),
  );

  // Numbered references: item N is #ref-N, every superscript points at an existing item, the links are the sources'.
  const refs = page.getByRole("region", { name: "References" }).locator("ol > li");
  await expect(refs).toHaveCount(demoReferences.length);
  for (let i = 0; i < demoReferences.length; i++) await expect(refs.nth(i)).toHaveAttribute("id", `ref-${i + 1}`);
  const citationHrefs = await page
    .locator(".pub-body sup.citation a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(citationHrefs.length).toBeGreaterThanOrEqual(demoReferences.length);
  for (const href of citationHrefs) {
    expect(href).toMatch(/^#ref-\d+$/);
    await expect(page.locator(href!)).toHaveCount(1);
  }
  // First cited is first listed: MedlinePlus is [1], the review [2] (the renderer's numbering).
  expect(citationHrefs[0]).toBe("#ref-1");
  for (const [i, ref] of facts.referencesJson.entries()) {
    const source = demoReferences.find((r) => r.key === ref.key)!;
    await expect(refs.nth(i).locator(`a[href="${source.url}"]`)).toHaveCount(1);
  }

  await expect(page.getByText("This article does not provide medical advice.")).toBeVisible();
  await expect(
    page
      .getByRole("complementary", { name: "Medical disclaimer" })
      .getByRole("link", { name: "editorial policy", exact: true }),
  ).toHaveAttribute("href", "/editorial-policy");
  await expect(page.getByRole("heading", { name: "Was this article helpful?" })).toBeVisible();
  await expect(
    page
      .locator("form")
      .filter({ has: page.getByRole("button") })
      .last(),
  ).toBeVisible();
}

test.describe("public article page", () => {
  test("a reader sees the reviewer, both dates, numbered references, the disclaimer and the feedback form", async ({
    page,
  }) => {
    const response = await page.goto(ARTICLE_PATH);
    expect(response?.status()).toBe(200);
    await expectReaderContent(page);

    // Following a citation lands on its reference.
    await page.locator(".pub-body sup.citation a").first().click();
    await expect(page).toHaveURL(new RegExp(`${ARTICLE_PATH}#ref-1$`));
    await expect(page.locator("#ref-1")).toBeInViewport();
  });

  test("the JSON-LD parses as a MedicalWebPage naming the reviewer and citing the sources", async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts).toHaveCount(1);
    const ld = JSON.parse((await scripts.textContent())!);
    const facts = await recorded();
    expect(ld["@type"]).toBe("MedicalWebPage");
    expect(ld.about).toEqual({ "@type": "MedicalCondition", name: "Calcinosis cutis" });
    expect(ld.reviewedBy).toMatchObject({
      "@type": "Person",
      name: DEMO_CREDENTIAL.displayName,
      honorificSuffix: DEMO_CREDENTIAL.postNominals,
    });
    expect(ld.lastReviewed).toBe(facts.reviewedAt.toISOString().slice(0, 10));
    expect(ld.citation.map((c: { url: string }) => c.url)).toEqual(facts.referencesJson.map((r) => r.url));
  });

  test("works with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto("/");
      await page.getByRole("link", { name: "Calcinosis Cutis: Causes, Symptoms, Treatment, Diagnosis" }).click();
      await expect(page).toHaveURL(new RegExp(`${ARTICLE_PATH}$`));
      await expectReaderContent(page);
      await page.locator(".pub-body sup.citation a").first().click();
      await expect(page).toHaveURL(new RegExp(`#ref-1$`));

      // The reviewer's profile and the editorial policy are plain pages too.
      await page.getByRole("link", { name: REVIEWED_BY }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(REVIEWED_BY);
      await expect(
        page.getByRole("link", { name: "Calcinosis Cutis: Causes, Symptoms, Treatment, Diagnosis" }),
      ).toBeVisible();
      await page.getByRole("link", { name: "Editorial policy" }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Editorial policy");
    } finally {
      await context.close();
    }
  });

  test("an unknown slug or reviewer answers 404 with a way back, with and without JavaScript", async ({
    page,
    browser,
  }) => {
    const response = await page.goto("/articles/no-such-article-anywhere");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Article not found");
    await expect(page.getByRole("link", { name: "Browse all articles" })).toBeVisible();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    try {
      for (const [path, heading] of [
        ["/articles/another-missing-article", "Article not found"],
        ["/reviewers/nosuchreviewer1", "Reviewer not found"],
      ] as const) {
        expect((await noJs.goto(path))?.status()).toBe(404);
        await expect(noJs.getByRole("heading", { level: 1 })).toHaveText(heading);
        await expect(noJs.getByRole("link", { name: "Browse all articles" })).toBeVisible();
        await expect(noJs.getByRole("banner")).toBeVisible(); // the site's frame, not an empty error shell
      }
    } finally {
      await context.close();
    }
  });

  test("the home page lists the article; sitemap and RSS include it", async ({ page, request }) => {
    await page.goto("/");
    await expect(
      page.getByRole("main").getByRole("link", { name: "Calcinosis Cutis: Causes, Symptoms, Treatment, Diagnosis" }),
    ).toHaveAttribute("href", ARTICLE_PATH);
    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.headers()["content-type"]).toContain("xml");
    expect(await sitemap.text()).toContain(`${ARTICLE_PATH}</loc>`);
    const rss = await request.get("/rss.xml");
    expect(rss.headers()["content-type"]).toContain("application/rss+xml");
    expect(await rss.text()).toContain("<title>Calcinosis Cutis: Causes, Symptoms, Treatment, Diagnosis</title>");
  });
});
