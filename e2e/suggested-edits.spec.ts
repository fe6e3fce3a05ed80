// Suggested edits: a reviewer selects passages of the revision in review and proposes replacements; the writer
// accepts one (the editor's text changes and is saved) and rejects the other; the audit log shows both decisions.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./helpers/db";
import { createReviewer, createTestUser, signIn, uniqueSuffix, type TestUser } from "./helpers/factory";
import { submitArticle } from "../lib/workflow/submit-article";

async function as(browser: Browser, user: TestUser, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, path);
  return page;
}

/** Selects `passage` inside the review screen's text, as a reviewer dragging over it would. */
async function select(page: Page, passage: string) {
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector(".review-blocks")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`not in the text: ${text}`);
  }, passage);
}

test("a reviewer suggests two edits; the writer accepts one and rejects the other; the audit log shows both", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const suffix = uniqueSuffix();
  const writer = await createTestUser({ roles: ["WRITER"] });
  const { user: reviewer } = await createReviewer({ postNominals: `M.D. ${suffix}` });
  const admin = await createTestUser({ roles: ["ADMIN"] });
  const first = `Calcinosis cutis ${suffix} affects about one in a thousand adults.`;
  const second = `Most deposits ${suffix} need no treatment at all.`;
  const article = await e2eDb().article.create({
    data: {
      slug: `suggested-${suffix}`,
      createdById: writer.id,
      authors: { create: [{ userId: writer.id }] },
      draft: {
        create: {
          title: `Suggested edits ${suffix}`,
          summary: "What calcinosis cutis is and how it is treated.",
          bodyJson: JSON.stringify({
            type: "doc",
            content: [first, second].map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
          }),
          editorIds: JSON.stringify([writer.id]),
        },
      },
    },
  });
  await submitArticle(e2eDb(), writer, { articleId: article.id, changeSummary: "First version" });

  // The reviewer selects a passage, suggests its replacement; twice.
  const r = await as(browser, reviewer, `/studio/articles/${article.id}/review`);
  const panel = r.getByTestId("suggest-edit-panel");
  await expect(panel.getByRole("button", { name: "Suggest an edit" })).toBeDisabled();
  for (const [passage, replacement] of [
    ["about one in a thousand adults", "fewer than one in a thousand adults"],
    ["need no treatment at all", "need no treatment"],
  ]) {
    await select(r, passage);
    await panel.getByRole("button", { name: "Suggest an edit" }).click();
    const form = r.getByTestId("suggest-form");
    await expect(form).toContainText(passage);
    await form.getByLabel("With").fill(replacement);
    await form.getByRole("button", { name: "Suggest" }).click();
    await expect(r.getByTestId("suggestion-list")).toContainText(replacement);
  }
  await expect(r.getByTestId("suggestion-list").locator("li")).toHaveCount(2);

  // The writer answers them in the editor.
  const w = await as(browser, writer, `/studio/articles/${article.id}/edit`);
  const suggestions = w.getByTestId("suggestions-panel");
  await expect(suggestions.getByTestId("suggestion")).toHaveCount(2);
  await suggestions
    .getByTestId("suggestion")
    .filter({ hasText: "fewer than one in a thousand adults" })
    .getByRole("button", { name: "Accept" })
    .click();
  await expect(w.getByTestId("suggestion-message")).toHaveText("Accepted: the text is changed.");
  await expect(w.getByTestId("article-body")).toContainText("affects fewer than one in a thousand adults.");
  await suggestions
    .getByTestId("suggestion")
    .filter({ hasText: "need no treatment at all" })
    .getByRole("button", { name: "Reject" })
    .click();
  await expect(w.getByTestId("suggestion-message")).toHaveText("Rejected: the text stays as it is.");
  await expect(suggestions.getByTestId("suggestion")).toHaveCount(0);

  // The accepted replacement is in the stored draft (through the normal save, which withdrew the submission).
  const draft = await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
  expect(draft.bodyJson).toContain("affects fewer than one in a thousand adults.");
  expect(draft.bodyJson).toContain("need no treatment at all.");
  expect((await e2eDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
  const rows = await e2eDb().suggestedEdit.findMany({ where: { articleId: article.id }, orderBy: { original: "asc" } });
  expect(rows.map((s) => [s.original, s.status, s.decidedById])).toEqual([
    ["about one in a thousand adults", "ACCEPTED", writer.id],
    ["need no treatment at all", "REJECTED", writer.id],
  ]);

  // Both decisions, and both suggestions, are in the audit log.
  const a = await as(
    browser,
    admin,
    `/studio/admin/audit?action=review.suggestion&actor=${encodeURIComponent(writer.email)}`,
  );
  await expect(a.getByTestId("audit-table").locator("tbody tr")).toHaveCount(2);
  await expect(a.getByTestId("audit-table")).toContainText("Suggested edit accepted");
  await expect(a.getByTestId("audit-table")).toContainText("Suggested edit rejected");
  await a.goto(`/studio/admin/audit?action=review.edit_suggested&actor=${encodeURIComponent(reviewer.email)}`);
  await expect(a.getByTestId("audit-table").locator("tbody tr")).toHaveCount(2);
});
