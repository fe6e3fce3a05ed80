// Reader feedback end to end: readers with and without JavaScript report "No — outdated"; the editor sees both,
// resolves one by linking a revision and dismisses the other; the article's rate and chart change. Then the
// bad inputs: a 10,000-character comment, a missing reason, a <script> comment, a flood past the rate limit
// and a forged revision id each get a clear 4xx, nothing is stored wrongly, and no script runs.
import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "./helpers/db";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";
import { freezeRevision } from "../lib/revisions/freeze-revision";
import { bumpPublicChange } from "../lib/page-cache/public-change";

/** A published article (revision 1 live) with a later frozen revision 2, the fix editors can link. */
async function seedArticle(label: string) {
  const db = e2eDb();
  const writer = await createTestUser({ roles: ["WRITER"] });
  const suffix = uniqueSuffix();
  const title = `${label} ${suffix}`;
  const slug = `feedback-${suffix}`;
  const body = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What is it?" }] },
      { type: "paragraph", content: [{ type: "text", text: "A condition described for the feedback tests." }] },
    ],
  };
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        slug,
        createdById: writer.id,
        authors: { create: { userId: writer.id } },
        draft: { create: { title, summary: "Test summary.", bodyJson: JSON.stringify(body) } },
      },
    });
    const rev1 = await freezeRevision(tx, {
      articleId: article.id,
      actorId: writer.id,
      changeSummary: "First version",
    });
    const now = new Date();
    await tx.publication.create({
      data: { articleId: article.id, revisionId: rev1.id, publishedById: writer.id, publishedAt: now },
    });
    await tx.article.update({
      where: { id: article.id },
      data: { status: "PUBLISHED", liveRevisionId: rev1.id, firstPublishedAt: now, lastPublishedAt: now },
    });
    await bumpPublicChange(tx); // as the publish flow does: stored public pages go out of date
    const rev2 = await freezeRevision(tx, {
      articleId: article.id,
      actorId: writer.id,
      changeSummary: "Updated treatment guidance",
    });
    return { id: article.id, slug, title, rev1: rev1.id, rev2: rev2.id };
  });
}

async function answerNo(page: Page, reason: string, comment: string) {
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("radio", { name: reason }).check();
  await page.getByLabel("Comment (optional)").fill(comment);
  await page.getByRole("button", { name: "Send feedback" }).click();
}

test.describe("reader feedback", () => {
  test("readers with and without JavaScript report outdated content; the editor resolves one and dismisses the other", async ({
    browser,
    page,
  }) => {
    const article = await seedArticle("Feedback flow");
    const editor = await createTestUser({ roles: ["EDITOR"] });

    // Before any answer the trends page has no rate.
    await signIn(page, editor, "/studio");
    await page.goto(`/studio/feedback/articles/${article.id}`);
    await expect(page.getByTestId("helpfulness-rate")).toHaveText("–");
    await expect(page.getByTestId("feedback-chart").locator("desc")).toContainText("no answers yet");

    // A reader without JavaScript: plain form POST, redirect back to the article's thank-you.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const reader1 = await noJs.newPage();
    await reader1.goto(`/articles/${article.slug}`);
    await answerNo(reader1, "Outdated", "No-JS reader: the dosage advice changed this year.");
    await expect(reader1).toHaveURL(new RegExp(`/articles/${article.slug}#feedback-thanks$`));
    await expect(reader1.locator("#feedback-thanks")).toBeVisible();
    await expect(reader1.locator("#feedback-thanks")).toContainText("Thank you for your feedback");
    await noJs.close();

    // A reader with JavaScript: the reasons appear once "No" is chosen; the answer is sent inline.
    const withJs = await browser.newContext();
    const reader2 = await withJs.newPage();
    await reader2.goto(`/articles/${article.slug}`);
    await expect(reader2.getByRole("radio", { name: "Outdated" })).toBeHidden();
    await answerNo(reader2, "Outdated", "JS reader: new guidelines were published.");
    await expect(reader2.locator("#feedback-thanks")).toContainText("Thank you for your feedback");
    await expect(reader2.locator("#feedback-thanks")).toBeFocused();
    // Announced once: the one status region holds it (not a second copy beside the no-JS one).
    await expect(reader2.getByRole("status").filter({ hasText: "Thank you" })).toHaveCount(1);
    await expect(reader2.getByText("Thank you for your feedback")).toHaveCount(1);
    expect(new URL(reader2.url()).pathname).toBe(`/articles/${article.slug}`);
    await withJs.close();

    // Both are stored, tied to the revision the readers saw; the article is flagged for medical re-review.
    const stored = await e2eDb().feedback.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" } });
    expect(stored.map((f) => [f.helpful, f.reason, f.revisionId, f.status])).toEqual([
      [false, "OUTDATED", article.rev1, "NEW"],
      [false, "OUTDATED", article.rev1, "NEW"],
    ]);
    expect(stored.every((f) => /^[0-9a-f]{32}$/.test(f.clientHash) && !f.clientHash.includes("127.0.0.1"))).toBe(true);
    expect((await e2eDb().article.findUniqueOrThrow({ where: { id: article.id } })).needsReReview).toBe(true);

    // The rate and chart changed.
    await page.reload();
    await expect(page.getByTestId("helpfulness-rate")).toHaveText("0 %");
    await expect(page.getByTestId("open-reports")).toHaveText("2");
    await expect(page.getByTestId("feedback-chart").locator("desc")).toContainText(
      "0 yes, 2 no, of which 2 reported the article inaccurate or outdated",
    );
    await expect(page.getByTestId("feedback-trend-table").locator("tbody tr").last()).toContainText("022");

    // The editor's inbox shows both; filters narrow it.
    await page.getByRole("link", { name: "See this article’s reports" }).click();
    await expect(page.getByTestId("feedback-count")).toHaveText("2 reports.");
    const items = page.getByTestId("feedback-item");
    const noJsItem = items.filter({ hasText: "No-JS reader" });
    const jsItem = items.filter({ hasText: "JS reader: new guidelines" });
    await expect(noJsItem).toContainText("No — Outdated");
    await expect(noJsItem).toContainText("Reader saw revision 1 (live)");

    // Resolve the first by linking revision 2 (the fix).
    await noJsItem.getByRole("button", { name: "Acknowledge" }).click();
    await expect(noJsItem.locator(".badge")).toHaveText("Acknowledged");
    await expect(
      noJsItem
        .getByLabel("Fixed by revision")
        .locator("option", { hasText: "Revision 2 — Updated treatment guidance" }),
    ).toHaveCount(1);
    await noJsItem.getByLabel("Fixed by revision").selectOption(article.rev2);
    await noJsItem.getByRole("button", { name: "Resolve" }).click();
    await expect(noJsItem.locator(".badge")).toHaveText("Resolved");
    await expect(noJsItem).toContainText("Resolved by revision 2");

    // Dismiss the second: a reason is required, and what was typed survives the refusal.
    await jsItem.getByLabel("Reason to dismiss").fill("x");
    await jsItem.getByRole("button", { name: "Dismiss" }).click();
    await expect(jsItem.locator(".field-error")).toContainText("Say why this report is dismissed");
    await expect(jsItem.getByLabel("Reason to dismiss")).toHaveValue("x");
    await jsItem.getByLabel("Reason to dismiss").fill("Duplicate of the report fixed by revision 2");
    await jsItem.getByRole("button", { name: "Dismiss" }).click();
    await expect(jsItem.locator(".badge")).toHaveText("Dismissed");
    await expect(jsItem).toContainText("Duplicate of the report fixed by revision 2");

    const after = await e2eDb().feedback.findMany({ where: { articleId: article.id }, orderBy: { createdAt: "asc" } });
    expect(after.map((f) => [f.status, f.resolvedRevisionId, f.triagedById])).toEqual([
      ["RESOLVED", article.rev2, editor.id],
      ["DISMISSED", null, editor.id],
    ]);
    const audit = await e2eDb().auditEvent.findMany({
      where: { entityType: "Feedback", entityId: { in: after.map((f) => f.id) } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual(["feedback.acknowledged", "feedback.resolved", "feedback.dismissed"]);

    // Status filter; then a third reader finds it helpful and the rate moves again.
    await page.goto(`/studio/feedback?articleId=${article.id}&status=DISMISSED`);
    await expect(page.getByTestId("feedback-count")).toHaveText("1 report.");
    const yes = await page.request.post("/api/feedback", {
      headers: { Accept: "application/json" },
      data: { articleId: article.id, revisionId: article.rev1, helpful: "yes" },
    });
    expect(yes.status()).toBe(201);
    await page.goto(`/studio/feedback/articles/${article.id}`);
    await expect(page.getByTestId("helpfulness-rate")).toHaveText("33 %");
    await expect(page.getByTestId("open-reports")).toHaveText("0");
    await expect(page.getByTestId("feedback-chart").locator("desc")).toContainText("1 yes, 2 no");
  });

  test("bad input gets a clear 4xx, nothing is stored wrongly, and no script runs", async ({
    browser,
    page,
    request,
  }) => {
    const article = await seedArticle("Feedback bad input");
    const count = () => e2eDb().feedback.count({ where: { articleId: article.id } });
    const json = (data: Record<string, unknown>) =>
      request.post("/api/feedback", {
        headers: { Accept: "application/json" },
        data: { articleId: article.id, revisionId: article.rev1, ...data },
      });

    // A 10,000-character comment.
    const long = await json({ helpful: "no", reason: "OTHER", comment: "x".repeat(10_000) });
    expect(long.status()).toBe(400);
    expect((await long.json()).error.fieldErrors.comment[0]).toContain("please shorten it to 2000");

    // A missing reason, as JSON and through the page with JavaScript: the typed comment stays.
    const noReason = await json({ helpful: "no", comment: "something" });
    expect(noReason.status()).toBe(400);
    expect((await noReason.json()).error.fieldErrors.reason[0]).toContain("choose a reason");
    await page.goto(`/articles/${article.slug}`);
    await page.getByRole("radio", { name: "No", exact: true }).check();
    await page.getByLabel("Comment (optional)").fill("I typed this and it must survive");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page.getByTestId("feedback-error")).toContainText("some fields need attention");
    await expect(page.locator("#fb-reason-error")).toContainText("choose a reason");
    await expect(page.getByLabel("Comment (optional)")).toHaveValue("I typed this and it must survive");

    // A missing reason without JavaScript: a 400 page that explains it and holds the comment, which carries markup.
    const script = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const reader = await noJs.newPage();
    await reader.goto(`/articles/${article.slug}`);
    await reader.getByRole("radio", { name: "No", exact: true }).check();
    await reader.getByLabel("Comment (optional)").fill(script);
    const [response] = await Promise.all([
      reader.waitForResponse((r) => r.url().endsWith("/api/feedback")),
      reader.getByRole("button", { name: "Send feedback" }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Your feedback was not sent");
    await expect(reader.locator("#feedback-error")).toContainText("choose a reason");
    await expect(reader.getByLabel("Comment (optional)")).toHaveValue(script);
    await expect(reader.locator("img[src=x]")).toHaveCount(0);
    // Fix it on that page and send again: accepted, back on the article.
    await reader.getByRole("radio", { name: "Other" }).check();
    await reader.getByRole("button", { name: "Send feedback" }).click();
    await expect(reader).toHaveURL(new RegExp(`/articles/${article.slug}#feedback-thanks$`));
    await noJs.close();
    expect(await count()).toBe(1);
    const row = await e2eDb().feedback.findFirstOrThrow({ where: { articleId: article.id } });
    expect(row.comment).toBe(script); // stored as text, exactly

    // The comment is shown escaped to editors: as text, and nothing runs.
    const editor = await createTestUser({ roles: ["EDITOR"] });
    await signIn(page, editor, "/studio");
    await page.goto(`/studio/feedback?articleId=${article.id}`);
    await expect(page.locator(".feedback-comment")).toHaveText(script);
    await expect(page.locator(".feedback-comment img")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // A forged revision id: one never published (revision 2), one made up.
    for (const revisionId of [article.rev2, "forged0000000000000000000"]) {
      const forged = await json({ revisionId, helpful: "yes" });
      expect(forged.status()).toBe(400);
      expect((await forged.json()).error.message).toContain("never published");
    }

    // The honeypot: told "thank you", nothing kept.
    expect((await json({ helpful: "yes", website: "http://spam.example" })).status()).toBe(201);
    expect(await count()).toBe(1);

    // A flood, on an article of its own: the limit is 5 answers per client per article per 10 minutes, then
    // 429 with Retry-After, for JSON and for the plain form alike; only the accepted ones are stored.
    const flood = await seedArticle("Feedback flood");
    const answer = () =>
      request.post("/api/feedback", {
        headers: { Accept: "application/json" },
        data: { articleId: flood.id, revisionId: flood.rev1, helpful: "yes" },
      });
    for (let i = 0; i < 5; i++) expect((await answer()).status()).toBe(201);
    const flooded = await answer();
    expect(flooded.status()).toBe(429);
    expect(Number(flooded.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await flooded.json()).error.message).toMatch(/try again in \d+ minutes/);
    const floodedForm = await request.post("/api/feedback", {
      form: { articleId: flood.id, revisionId: flood.rev1, helpful: "yes", slug: flood.slug },
    });
    expect(floodedForm.status()).toBe(429);
    expect(floodedForm.headers()["retry-after"]).toBeTruthy();
    expect(await floodedForm.text()).toContain("Your feedback was not sent");
    expect(await e2eDb().feedback.count({ where: { articleId: flood.id } })).toBe(5);
    expect(await count()).toBe(1);
  });
});
