// Every readers' page, however it is reached (from the page cache, rendered per request for a query string or
// a search, as a 404, by a signed-in editor whose session bypasses the cache, after sending feedback), loads
// under the public Content-Security-Policy (script-src 'self', no inline script) with no console error, no
// uncaught exception and no CSP violation. Readers' pages are served without Next's runtime, so they never
// need an inline script.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";
import { e2eDb } from "./helpers/db";
import { createTestUser, signIn } from "./helpers/factory";

interface Problem {
  page: string;
  kind: "console" | "pageerror" | "csp";
  text: string;
}

/** Collects console errors, uncaught exceptions and CSP violation events of a page, per visited path. */
async function watch(page: Page) {
  const problems: Problem[] = [];
  let current = "";
  // Reported by the page itself: the event carries the blocked directive and source even when the console
  // message is worded differently across Chromium versions.
  await page.exposeBinding("__reportCspViolation", (_source, text: string) =>
    problems.push({ page: current, kind: "csp", text }),
  );
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The browser reports a 404 document as a failed resource: expected on the 404 pages, nothing else.
    const notFound = /status of 404/.test(message.text()) && message.location().url === page.url();
    if (!(notFound && current.startsWith("404 ")))
      problems.push({ page: current, kind: "console", text: message.text() });
  });
  page.on("pageerror", (error) => problems.push({ page: current, kind: "pageerror", text: error.message }));
  return {
    problems,
    async visit(path: string, expectedStatus = 200) {
      current = expectedStatus === 404 ? `404 ${path}` : path;
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(expectedStatus);
      const policy = (await response?.allHeaders())?.["content-security-policy"] ?? "";
      expect(policy, `${path} is served under the public policy`).toMatch(/script-src 'self'(;|$)/);
      await page.waitForLoadState("load");
      // No script of the page may be inline: every <script> is JSON-LD data or loaded from this origin.
      const inline = await page
        .locator("script:not([src]):not([type='application/ld+json'])")
        .evaluateAll((scripts) => scripts.map((s) => s.outerHTML.slice(0, 120)));
      expect(inline, `${path} carries inline scripts`).toEqual([]);
    },
  };
}

async function readersPages() {
  const article = await e2eDb().article.findUniqueOrThrow({
    where: { slug: DEMO_ARTICLE_SLUG },
    select: {
      liveRevision: { select: { reviews: { where: { decision: "APPROVED" }, select: { reviewerId: true } } } },
    },
  });
  const reviewerId = article.liveRevision!.reviews[0].reviewerId;
  const articlePath = `/articles/${DEMO_ARTICLE_SLUG}`;
  return {
    articlePath,
    ok: [
      "/",
      articlePath,
      `${articlePath}?utm_source=newsletter`, // a query string: not from the page cache
      `${articlePath}#feedback-thanks`, // where the feedback form's no-JavaScript answer lands
      "/search",
      "/search?q=calcinosis",
      "/search?q=zzzznothingmatcheszzzz",
      "/search?q=calcinosis&page=2",
      "/conditions",
      `/verify/${DEMO_ARTICLE_SLUG}`,
      `/reviewers/${reviewerId}`,
      "/editorial-policy",
      "/?ref=home",
    ],
    notFound: ["/no-such-page", "/articles/no-such-article", "/reviewers/nosuchreviewer1", "/verify/no-such-article"],
  };
}

test.describe("readers' pages under the public Content-Security-Policy", () => {
  test("every page, each 404 and the feedback thank-you load with no console error and no CSP violation", async ({
    page,
  }) => {
    const watcher = await watch(page);
    const pages = await readersPages();
    for (const path of pages.ok) await watcher.visit(path);
    for (const path of pages.notFound) await watcher.visit(path, 404);

    // Feedback sent from the page (the island script), then its thank-you.
    await watcher.visit(pages.articlePath);
    await page.getByRole("radio", { name: "Yes", exact: true }).check();
    await page.getByRole("button", { name: /send/i }).click();
    await expect(page.locator("#feedback-thanks")).toContainText(/thank/i);
    expect(watcher.problems).toEqual([]);
  });

  test("the same pages for a signed-in editor (whose session bypasses the page cache)", async ({ page }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    await signIn(page, editor);
    const watcher = await watch(page);
    const pages = await readersPages();
    for (const path of pages.ok) await watcher.visit(path);
    for (const path of pages.notFound) await watcher.visit(path, 404);
    expect(watcher.problems).toEqual([]);
  });
});
