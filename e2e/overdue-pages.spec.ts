// A published page past its re-review date: the scheduler tick (every PUBLISH_TICK_SECONDS, and at once when an
// admin saves the policy) applies the admin's policy. With "notice" readers see "This page is due for review"
// (without JavaScript); after an admin picks "noindex" in the policies the page's HTML carries a robots noindex.
// Both moves are in the audit log, and the dashboard's re-review list says for how long the page is overdue.
// The page's Spanish translation, overdue too, says the same in Spanish at /es/articles/<slug>.
import { expect, test } from "@playwright/test";
import { makePublishedArticle, makeTeam, publishDraft, setDraft } from "../tests/helpers/publish-fixtures";
import { makeCredential, makeUser } from "../tests/helpers/factory";
import { startTranslation } from "../lib/translations/start-translation";
import { putSetting } from "../lib/settings/settings";
import { OVERDUE_APPLIED_ACTION } from "../lib/publishing/apply-overdue-policy";
import { e2eDb } from "./helpers/db";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";
import { checkScreen } from "./helpers/layout-checks";

const DAY = 86_400_000;

async function overdueEvents(articleId: string) {
  const events = await e2eDb().auditEvent.findMany({
    where: { entityId: articleId, action: OVERDUE_APPLIED_ACTION },
    orderBy: { id: "asc" },
  });
  return events.map((e) => (JSON.parse(e.dataJson) as { to: string }).to);
}

test.describe("overdue pages", () => {
  test.afterAll(async () => {
    // The policy is site-wide: leave the default for the other specs.
    await putSetting(e2eDb(), "review.overduePolicy", "notice");
  });

  test("show the notice, then noindex once an admin chooses it; both audited", async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    const db = e2eDb();
    const team = await makeTeam(db);
    const title = `Overdue page ${uniqueSuffix()}`;
    const published = await makePublishedArticle(db, team, { title, blocks: ["Some advice that needs a check."] });
    await db.article.update({
      where: { id: published.articleId },
      data: { reviewDueAt: new Date(Date.now() - 3 * DAY - 3600_000) },
    });
    // Its Spanish translation, approved by a reviewer who reviews in Spanish, is overdue as well.
    const spanishReviewer = await makeUser(db, { roles: ["REVIEWER"], name: "Dra. Elena Vidal" });
    await makeCredential(db, { userId: spanishReviewer.id, languages: ["en", "es"] });
    const { id: spanishId } = await startTranslation(db, team.writer, {
      sourceArticleId: published.articleId,
      locale: "es",
    });
    await setDraft(db, spanishId, {
      title: `Página vencida ${uniqueSuffix()}`,
      blocks: ["Un consejo que necesita revisión."],
    });
    const spanish = await publishDraft(db, { ...team, reviewer: spanishReviewer }, spanishId);
    await db.article.update({
      where: { id: spanishId },
      data: { reviewDueAt: new Date(Date.now() - 3 * DAY - 3600_000) },
    });
    const staff = await createTestUser({ roles: ["EDITOR", "ADMIN"] });

    // The next scheduler tick (10 s apart in this server) finds the overdue page.
    await signIn(page, staff, "/studio");
    await expect
      .poll(() => overdueEvents(published.articleId), { message: "the notice is applied and audited", timeout: 30_000 })
      .toEqual(["NOTICE"]);
    // The same tick moved the translation (each page in its own transaction).
    await expect.poll(() => overdueEvents(spanishId), { timeout: 30_000 }).toEqual(["NOTICE"]);
    await page.goto("/studio");
    const row = page.getByTestId("review-overdue").getByRole("listitem").filter({ hasText: title });
    await expect(row.getByTestId("overdue-for")).toContainText("overdue for 3 days");
    await expect(row.getByTestId("overdue-for")).toContainText("“due for review” notice");

    // Readers, without JavaScript: the notice is in the served HTML; the page is still indexable.
    const reader = await browser.newContext({ javaScriptEnabled: false });
    const readerPage = await reader.newPage();
    await readerPage.goto(`/articles/${published.slug}`);
    await expect(readerPage.getByTestId("overdue-notice")).toContainText("This page is due for review");
    expect(await readerPage.locator('meta[name="robots"]').count()).toBe(0);
    await readerPage.goto(`/es/articles/${spanish.slug}`);
    await expect(readerPage.getByTestId("overdue-notice")).toContainText("Esta página debe revisarse.");
    for (const size of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await readerPage.setViewportSize(size);
      await readerPage.screenshot({ path: test.info().outputPath(`overdue-notice-${size.width}.png`) });
    }

    // The admin chooses noindex in the policies.
    await page.goto("/studio/admin/settings");
    const form = page.getByRole("form", { name: "Re-review policy" });
    await form.getByLabel(/ask search engines not to index/).check();
    await form.getByRole("button", { name: "Save re-review policy" }).click();
    await expect(form.getByText("Saved.")).toBeVisible();
    for (const size of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await page.getByRole("heading", { name: "Overdue pages and evidence age" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`overdue-policy-${size.width}.png`) });
      await checkScreen(page, `settings at ${size.width} px`, size.width);
    }
    // Saving the policy asks for a tick at once.
    await expect
      .poll(() => overdueEvents(published.articleId), { message: "noindex is applied and audited" })
      .toEqual(["NOTICE", "NOINDEX"]);
    await expect.poll(() => overdueEvents(spanishId), { timeout: 30_000 }).toEqual(["NOTICE", "NOINDEX"]);

    const html = await (await request.get(`/articles/${published.slug}`)).text();
    expect(html).toMatch(/<meta name="robots" content="noindex, ?follow"/);
    expect(html).toContain("This page is due for review");
    const spanishHtml = await (await request.get(`/es/articles/${spanish.slug}`)).text();
    expect(spanishHtml).toMatch(/<meta name="robots" content="noindex, ?follow"/);
    expect(spanishHtml).toContain("Esta página debe revisarse.");
    await reader.close();

    // In the audit log, by name: this article's two moves (every overdue page of the shared database moves when the
    // policy changes, so the log is filtered to this article), the article named by its title, not its id.
    const params = new URLSearchParams({ action: OVERDUE_APPLIED_ACTION, entityId: published.articleId });
    await page.goto(`/studio/admin/audit?${params}`);
    await expect(page.getByRole("cell", { name: "Overdue page: policy applied" })).toHaveCount(2);
    await expect(page.getByTestId("audit-entity")).toHaveText([title, title]);
  });
});
