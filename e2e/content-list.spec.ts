// The studio content list with 2,000 articles: find an old one by a word of its body, filter to "review
// overdue", page through, and share the view's URL with a second browser that sees the same list.
import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { e2eDb } from "./helpers/db";
import { createReviewer, createTestUser, signIn, uniqueSuffix } from "./helpers/factory";
import { makeApproval, makeArticle, makeRevision } from "../tests/helpers/factory";

const DAY = 86400_000;

test("an editor finds, filters, pages and shares a view of 2,000 articles", async ({ browser }) => {
  test.setTimeout(180_000);
  const writer = await createTestUser({ roles: ["WRITER"] });
  const editor = await createTestUser({ roles: ["EDITOR"] });
  const run = uniqueSuffix();
  const marker = `zebrafinch${randomBytes(3).toString("hex")}`; // a word no other draft has
  const db = e2eDb();
  const now = Date.now();
  // 2,000 articles of this writer: 60 of them live and overdue for re-review; the oldest has the marker word.
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    id: `cl${run}${String(i).padStart(4, "0")}`,
    slug: `content-list-${run}-${i}`,
    createdById: writer.id,
    status: "DRAFT",
    createdAt: new Date(now - (3000 - i) * DAY),
    updatedAt: new Date(now - (3000 - i) * DAY),
    reviewDueAt: i % 33 === 0 ? new Date(now - (i + 1) * DAY) : null,
  }));
  await db.article.createMany({ data: rows });
  await db.articleAuthor.createMany({ data: rows.map((r) => ({ articleId: r.id, userId: writer.id })) });
  await db.workingDraft.createMany({
    data: rows.map((r, i) => ({
      articleId: r.id,
      title: `Bulk condition ${run} ${String(i).padStart(4, "0")}`,
      bodyJson: JSON.stringify({
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: i === 0 ? `Old note on ${marker}.` : `Body ${i}.` }] },
        ],
      }),
      editorIds: JSON.stringify([writer.id]),
    })),
  });
  // "Live" needs a live revision: mark the overdue ones live through a revision row each.
  const overdueRows = rows.filter((r) => r.reviewDueAt);
  for (const r of overdueRows) {
    const rev = await db.revision.create({
      data: {
        articleId: r.id,
        number: 1,
        title: "Live",
        summary: "",
        bodyJson: "{}",
        referencesJson: "[]",
        contentHash: "0".repeat(64),
        authorId: writer.id,
      },
    });
    await db.article.update({ where: { id: r.id }, data: { liveRevisionId: rev.id, status: "PUBLISHED" } });
  }

  const page = await (await browser.newContext()).newPage();
  await signIn(page, editor, "/studio/articles");

  // Search by a word of the oldest article's body.
  await page.getByLabel("Search drafts").fill(marker);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("content-row")).toHaveCount(1);
  await expect(page.getByTestId("content-row")).toContainText(`Bulk condition ${run} 0000`);

  // Filter to this writer's overdue articles, then page through them.
  await page.getByLabel("Search drafts").fill("");
  const filters = page.getByRole("search", { name: "Filter articles" });
  await filters.locator('select[name="writer"]').selectOption(writer.id);
  await filters.locator('select[name="due"]').selectOption("overdue");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("content-row")).toHaveCount(50);
  await expect(page.getByRole("status").filter({ hasText: "more on the next page" })).toBeVisible();
  const firstPage = await page.getByTestId("content-row").locator("td:nth-child(2) a").allTextContents();
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page.getByTestId("content-row")).toHaveCount(overdueRows.length - 50);
  const secondPage = await page.getByTestId("content-row").locator("td:nth-child(2) a").allTextContents();
  expect(new Set([...firstPage, ...secondPage]).size).toBe(overdueRows.length);
  await expect(page.getByRole("link", { name: "Next page →" })).toHaveCount(0);

  // The URL is the view: a second browser (another editor) sees the same rows.
  const shared = page.url();
  expect(shared).toContain("due=overdue");
  const other = await createTestUser({ roles: ["EDITOR"] });
  const second = await (await browser.newContext()).newPage();
  await signIn(second, other, "/studio");
  await second.goto(shared);
  expect(await second.getByTestId("content-row").locator("td:nth-child(2) a").allTextContents()).toEqual(secondPage);
});

test("the Reviewers column names the reviewer the Reviewer filter finds, also after they decided", async ({ page }) => {
  const db = e2eDb();
  const writer = await createTestUser({ roles: ["WRITER"] });
  const editor = await createTestUser({ roles: ["EDITOR"] });
  const { user: reviewer } = await createReviewer();
  const title = `Reviewed condition ${uniqueSuffix()}`;
  const article = await makeArticle(db, { authorId: writer.id, title });
  const revision = await makeRevision(db, { articleId: article.id, authorId: writer.id });
  // The reviewer was assigned and has approved: their assignment is completed.
  await db.reviewAssignment.create({
    data: {
      articleId: article.id,
      reviewerId: reviewer.id,
      dueAt: new Date(Date.now() + 7 * DAY),
      completedAt: new Date(),
    },
  });
  await makeApproval(db, { revisionId: revision.id, reviewerId: reviewer.id });

  await signIn(page, editor, "/studio/articles");
  const filters = page.getByRole("search", { name: "Filter articles" });
  await filters.locator('select[name="reviewer"]').selectOption(reviewer.id);
  await page.getByRole("button", { name: "Show" }).click();
  const row = page.getByTestId("content-row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("row-reviewers")).toHaveText(reviewer.name);
});
