// Readers' pages as machines judge them, and the page cache in front of them (server.ts, lib/page-cache):
// axe-core finds no accessibility violations, the Nu HTML checker no errors; the article page ships no
// script but JSON-LD and the feedback island; anonymous readers get stored, compressed pages with an ETag;
// and a publish or unpublish committed by another process (this test process, through the lib functions)
// shows on the very next anonymous request.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";
import { e2eDb } from "./helpers/db";
import { createTestUser, uniqueSuffix } from "./helpers/factory";
import { freezeRevision } from "../lib/revisions/freeze-revision";
import { bumpPublicChange } from "../lib/page-cache/public-change";
import { unpublishArticle } from "../lib/publishing/unpublish-article";
import { syncArticleSearch } from "../lib/search/sync-article-search";

const ROOT = path.resolve(__dirname, "..");
const ARTICLE_PATH = `/articles/${DEMO_ARTICLE_SLUG}`;

/** Every readers' page: home, article, reviewer profile, editorial policy, A–Z when present, and a 404. */
async function publicPages(): Promise<string[]> {
  const review = await e2eDb().review.findFirstOrThrow({
    where: { decision: "APPROVED", voidedAt: null, revision: { liveOf: { slug: DEMO_ARTICLE_SLUG } } },
    select: { reviewerId: true },
  });
  const pages = ["/", ARTICLE_PATH, `/reviewers/${review.reviewerId}`, "/editorial-policy", "/articles/no-such-page"];
  if (existsSync(path.join(ROOT, "app", "(public)", "conditions"))) pages.push("/conditions");
  pages.push("/search", "/search?q=calcinosis+cutis", "/search?q=no+such+words");
  const spanish = await spanishTranslation();
  pages.push(
    "/es",
    `/es/articles/${spanish.slug}`,
    "/es/editorial-policy",
    "/es/conditions",
    "/es/search",
    "/es/search?q=calcificaci%C3%B3n",
    "/es/search?q=no+existe",
    "/es/articles/no-such-page",
  );
  return pages;
}

let spanishArticle: Promise<{ slug: string; title: string; enPath: string }> | null = null;

/**
 * A live English article and its live Spanish translation, made here (written directly, as goLive below does:
 * approval and the gate are the translation journey's subject), both indexed for search.
 */
function spanishTranslation(): Promise<{ slug: string; title: string; enPath: string }> {
  spanishArticle ??= (async () => {
    const db = e2eDb();
    const english = await draftArticle();
    await goLive(english.articleId);
    await db.$transaction((tx) => syncArticleSearch(tx, english.articleId));
    const source = { id: english.articleId };
    const writer = await createTestUser({ roles: ["WRITER"] });
    const suffix = uniqueSuffix();
    const title = "Calcinosis cutánea";
    const slug = `calcinosis-cutanea-${suffix}`;
    const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
    const body = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "¿Qué es?" }] },
        paragraph("La calcinosis cutánea es la acumulación de depósitos de calcio en la piel."),
        paragraph("La calcificación produce bultos duros y blanquecinos; a veces duelen."),
      ],
    };
    const article = await db.article.create({
      data: {
        slug,
        locale: "es",
        translationOfId: source.id,
        // A newer English version went live after this translation, and the page is past its re-review date
        // (the default policy's notice, as the scheduler's tick records it): the page carries both notices, so
        // axe and the Nu checker judge them too.
        liveSourceUpdatedAt: new Date(),
        reviewDueAt: new Date(Date.now() - 86_400_000),
        overdueAction: "NOTICE",
        createdById: writer.id,
        authors: { create: { userId: writer.id } },
        draft: {
          create: { title, summary: "Depósitos de calcio en la piel.", bodyJson: JSON.stringify(body) },
        },
      },
    });
    await goLive(article.id);
    await db.$transaction((tx) => syncArticleSearch(tx, article.id));
    return { slug, title, enPath: `/articles/${english.slug}` };
  })();
  return spanishArticle;
}

test.describe("readers' pages: quality checks", () => {
  // axe is injected as a script; readers' pages may carry a CSP without 'unsafe-inline'.
  test.use({ bypassCSP: true });

  test("axe-core finds no accessibility violations on any readers' page", async ({ page }) => {
    for (const url of await publicPages()) {
      await page.goto(url);
      await page.addScriptTag({ path: path.join(ROOT, "node_modules", "axe-core", "axe.min.js") });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
        type AxeResults = { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };
        const result = await axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        return result.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`,
        );
      });
      expect(violations, `axe on ${url}`).toEqual([]);
    }
  });

  test("the Nu HTML checker finds no errors on any readers' page", async ({ request }) => {
    const dir = path.join(ROOT, "e2e", ".tmp", `vnu-${uniqueSuffix()}`);
    mkdirSync(dir, { recursive: true });
    try {
      const files: Record<string, string> = {};
      for (const url of await publicPages()) {
        const file = path.join(dir, `${Object.keys(files).length}.html`);
        writeFileSync(file, await (await request.get(url)).text());
        files[file] = url;
      }
      // One Java start for all pages. Exit status 1 means "errors found"; the JSON on stderr says which.
      let report = "";
      try {
        execFileSync(
          "java",
          [
            "-jar",
            path.join(ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
            "--errors-only",
            "--format",
            "json",
            ...Object.keys(files),
          ],
          { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
        );
      } catch (err) {
        report = String((err as { stderr?: string }).stderr ?? err);
      }
      const messages = report
        ? (JSON.parse(report) as { messages: Array<{ url: string; message: string; lastLine?: number }> }).messages
        : [];
      expect(
        messages.map(
          (m) => `${files[decodeURIComponent(new URL(m.url).pathname)] ?? m.url}:${m.lastLine}: ${m.message}`,
        ),
      ).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("on a phone (390 px) every button, form control and navigation link is at least 44×44 CSS px; the verification line is one line that opens", async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const url of await publicPages()) {
      await page.goto(url);
      // Links inside running text are exempt (WCAG 2.5.8); radios and checkboxes are hit through their label.
      const small = await page.evaluate(() => {
        const targets = [
          ...document.querySelectorAll<HTMLElement>(
            "nav a, button, select, textarea, summary, input:not([type=hidden]):not([type=radio]):not([type=checkbox])",
          ),
          ...[...document.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]")].map(
            (i) => (i.closest("label") ?? i) as HTMLElement,
          ),
        ];
        return targets
          .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
          .filter((el) => !el.closest("[aria-hidden=true]"))
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => Math.round(box.width) < 44 || Math.round(box.height) < 44)
          .map(
            ({ el, box }) =>
              `${el.tagName.toLowerCase()} “${(el.textContent ?? "").trim().slice(0, 30)}” ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
      });
      expect(small, `targets under 44×44 px on ${url}`).toEqual([]);
    }
    await page.goto(ARTICLE_PATH);
    const verification = page.getByTestId("verification");
    await expect(verification.locator("summary")).toHaveText("Verified · details");
    await expect(page.getByTestId("content-hash")).toBeHidden();
    await verification.locator("summary").click();
    await expect(page.getByTestId("content-hash")).toBeVisible();
    await page.goto("/search?q=calcinosis");
    await expect(page.getByRole("searchbox")).toHaveCount(1);
    await context.close();
  });

  test("the article page ships no Next runtime, only JSON-LD and the feedback island; /favicon.ico exists", async ({
    request,
  }) => {
    const html = await (await request.get(ARTICLE_PATH)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual([
      expect.stringContaining('src="/islands/feedback.js"'),
      '<script type="application/ld+json">',
    ]);
    expect(html).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
    expect(html).not.toContain("__next_f");
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toBe("image/x-icon");
  });

  test("anonymous readers get the stored page compressed, with an ETag and 304; signed-in requests go to Next", async ({
    request,
  }) => {
    await request.get(ARTICLE_PATH);
    const hit = await request.get(ARTICLE_PATH, { headers: { "accept-encoding": "br" } });
    expect(hit.headers()["x-page-cache"]).toBe("HIT");
    expect(hit.headers()["content-encoding"]).toBe("br");
    expect(hit.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    const etag = hit.headers()["etag"];
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const revalidated = await request.get(ARTICLE_PATH, { headers: { "if-none-match": etag } });
    expect(revalidated.status()).toBe(304);
    // Answered before anything else in server.ts: it still carries the public security policy and its ETag.
    expect(revalidated.headers()["content-security-policy"]).toBe(hit.headers()["content-security-policy"]);
    expect(revalidated.headers()["content-security-policy"]).toContain("default-src 'self'");
    expect(revalidated.headers()["etag"]).toBe(etag);

    const signedIn = await request.get(ARTICLE_PATH, {
      headers: { cookie: "next-auth.session-token=not-checked-here" },
    });
    expect(signedIn.headers()["x-page-cache"]).toBeUndefined();
    expect(await signedIn.text()).toContain("Calcinosis Cutis");
  });

  test("a publish committed by another process shows on the next anonymous request; an unpublish removes it", async ({
    request,
  }) => {
    const { slug, title, articleId } = await draftArticle();
    const path = `/articles/${slug}`;
    // Both pages stored before the change.
    expect((await request.get(path)).status()).toBe(404);
    await request.get("/");
    expect((await request.get("/")).headers()["x-page-cache"]).toBe("HIT");
    expect(await (await request.get("/")).text()).not.toContain(title);

    await goLive(articleId);
    const published = await request.get(path);
    expect(published.status()).toBe(200);
    expect(await published.text()).toContain(title);
    expect(await (await request.get("/")).text()).toContain(title);

    const editor = await createTestUser({ roles: ["EDITOR"] });
    await unpublishArticle(
      e2eDb(),
      { id: editor.id, name: editor.name, email: editor.email, status: "ACTIVE", roles: ["EDITOR"] },
      { articleId, reason: "Checking that readers stop seeing it at once" },
    );
    expect((await request.get(path)).status()).toBe(404);
    expect(await (await request.get("/")).text()).not.toContain(title);
  });
});

async function draftArticle() {
  const db = e2eDb();
  const writer = await createTestUser({ roles: ["WRITER"] });
  const suffix = uniqueSuffix();
  const title = `Cache check ${suffix}`;
  const slug = `cache-check-${suffix}`;
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Page cache test." }] }] };
  const article = await db.article.create({
    data: {
      slug,
      createdById: writer.id,
      authors: { create: { userId: writer.id } },
      draft: { create: { title, summary: "Test summary.", bodyJson: JSON.stringify(body) } },
    },
  });
  return { slug, title, articleId: article.id, writerId: writer.id };
}

/** What a publish commits, written directly (the gate and review are other tests' subject), counter included. */
async function goLive(articleId: string) {
  const db = e2eDb();
  const writer = await db.articleAuthor.findFirstOrThrow({ where: { articleId } });
  await db.$transaction(async (tx) => {
    const rev = await freezeRevision(tx, { articleId, actorId: writer.userId, changeSummary: "First version" });
    const now = new Date();
    await tx.publication.create({
      data: { articleId, revisionId: rev.id, publishedById: writer.userId, publishedAt: now },
    });
    await tx.article.update({
      where: { id: articleId },
      data: { status: "PUBLISHED", liveRevisionId: rev.id, firstPublishedAt: now, lastPublishedAt: now },
    });
    await bumpPublicChange(tx);
  });
}

test.describe("readers' pages in Spanish", () => {
  test("the Spanish article has lang=es, hreflang links both ways, a language switcher, Spanish chrome and dates; stored and revalidated like the English page", async ({
    request,
  }) => {
    const { slug, title, enPath } = await spanishTranslation();
    const esPath = `/es/articles/${slug}`;
    const alternate = (locale: string, path: string) =>
      new RegExp(`<link rel="alternate" hreflang="${locale}" href="https?://[^"/]+${path}"/>`, "i");
    const es = await request.get(esPath);
    expect(es.status()).toBe(200);
    const html = await es.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="es"/);
    expect(html).toContain(title);
    expect(html).toMatch(alternate("en", enPath));
    expect(html).toMatch(alternate("es", esPath));
    expect(html).toMatch(alternate("x-default", enPath));
    expect(html).toContain("Saltar al contenido");
    expect(html).toContain("¿Le resultó útil este artículo?");
    expect(html).toMatch(/La versión en inglés se actualizó el \d{1,2} de [a-z]+ de \d{4}\./);
    expect(html).toContain("Esta página debe revisarse.");
    expect(html).toMatch(
      /Última modificación:(?:<!-- -->)?\s*<time datetime="[^"]+">\d{1,2} de [a-z]+ de \d{4}<\/time>/i,
    );
    expect(html.toLowerCase()).toContain(`<a href="${enPath}" hreflang="en" lang="en">english</a>`);
    expect(html).not.toMatch(/<script\b(?![^>]*(?:application\/ld\+json|data-island))/);

    const en = await (await request.get(enPath)).text();
    expect(en).toMatch(/^<!DOCTYPE html><html lang="en"/);
    expect(en).toMatch(alternate("es", esPath));
    expect(en).toMatch(alternate("en", enPath));
    expect(en.toLowerCase()).toContain(`<a href="${esPath}" hreflang="es" lang="es">español</a>`);

    const again = await request.get(esPath);
    expect(again.headers()["x-page-cache"]).toBe("HIT");
    const etag = again.headers()["etag"];
    expect((await request.get(esPath, { headers: { "If-None-Match": etag } })).status()).toBe(304);

    // An English address given the Spanish slug sends the reader to the Spanish address.
    const moved = await request.get(`/articles/${slug}`, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers()["location"]).toBe(esPath);
  });

  test("a Spanish word finds the Spanish article with and without accents, and only from the Spanish search", async ({
    request,
  }) => {
    const { slug, enPath } = await spanishTranslation();
    for (const q of ["calcificación", "calcificacion", "CALCIFICACION"]) {
      const es = await (await request.get(`/es/search?q=${encodeURIComponent(q)}`)).text();
      expect(es, q).toContain(`href="/es/articles/${slug}"`);
      expect(es, q).not.toContain(`href="${enPath}"`);
    }
    // A word both languages' articles use: each search lists its own language's article only.
    const esCalcinosis = await (await request.get(`/es/search?q=calcinosis`)).text();
    expect(esCalcinosis).toContain(`href="/es/articles/${slug}"`);
    expect(esCalcinosis).not.toContain(`href="${ARTICLE_PATH}"`);
    const enCalcinosis = await (await request.get(`/search?q=calcinosis`)).text();
    expect(enCalcinosis).toContain(`href="${ARTICLE_PATH}"`);
    expect(enCalcinosis).not.toContain(`/es/articles/${slug}`);
  });

  test("feeds and the sitemap list the Spanish pages at their own addresses", async ({ request }) => {
    const { slug } = await spanishTranslation();
    const rss = await (await request.get("/es/rss.xml")).text();
    expect(rss).toContain("<language>es</language>");
    expect(rss).toContain(`/es/articles/${slug}</link>`);
    expect(await (await request.get("/rss.xml")).text()).not.toContain(`/es/articles/${slug}`);
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain(`/es/articles/${slug}</loc>`);
    expect(sitemap).toContain(`/es/editorial-policy</loc>`);
  });
});
