// The editor as the writer's workspace: the reviewer's comments beside their blocks (reply, resolve, comments
// whose text was deleted listed above the text), the Cite picker (search the article's sources, Enter cites at
// the caret, add a source by DOI), and a failed DOI look-up that says the next step and keeps what was pasted.
// The registries are the local stub (tests/helpers/source-stub.ts): one DOI is known, any other is not found.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createReviewer, createTestUser, signIn, uniqueSuffix, type TestUser } from "./helpers/factory";
import { e2eDb } from "./helpers/db";
import { submitArticle } from "../lib/workflow/submit-article";
import { addReviewComment } from "../lib/review/add-review-comment";
import { replyToReviewComment } from "../lib/review/reply-to-review-comment";
import { requestChanges } from "../lib/review/decide-review";

const KNOWN_DOI = "10.1016/S0140-6736(16)00346-9"; // the stub's gout review (doi-csl-gout.json)
const body = (page: Page) => page.getByTestId("article-body");

async function articleWithSources(title: string) {
  const writer = await createTestUser({ roles: ["WRITER"] });
  const text = "Calcium deposits form in the skin.";
  const article = await e2eDb().article.create({
    data: {
      slug: `cite-${uniqueSuffix()}`,
      createdById: writer.id,
      authors: { create: [{ userId: writer.id }] },
      draft: {
        create: {
          title,
          bodyJson: JSON.stringify({
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text }] }],
          }),
          editorIds: JSON.stringify([writer.id]),
        },
      },
      references: {
        create: [
          { key: "medlineplus", title: "Calcinosis cutis (MedlinePlus)", authors: "MedlinePlus", position: 0 },
          {
            key: "review",
            title: "Calcinosis cutis: a comprehensive review",
            authors: "Smith J",
            year: 2021,
            position: 1,
          },
        ],
      },
    },
  });
  return { writer, article, text };
}

test.describe("citing from the editor", () => {
  test("the toolbar's Cite opens a picker: search, Enter cites at the caret, the text gets its focus back", async ({
    page,
  }) => {
    const { writer, article, text } = await articleWithSources("Cite picker");
    await signIn(page, writer, `/studio/articles/${article.id}/edit`);
    await body(page).getByText(text).click();
    await page.keyboard.press("End");

    await page
      .getByRole("toolbar", { name: "Formatting" })
      .getByRole("button", { name: /^Insert citation/ })
      .click();
    const picker = page.getByRole("dialog", { name: "Cite a source" });
    const search = picker.getByRole("combobox", { name: "Search this article’s sources" });
    await expect(search).toBeFocused();
    await expect(picker.getByRole("option")).toHaveCount(2);
    await search.fill("comprehensive");
    await expect(picker.getByRole("option")).toHaveCount(1);
    await page.keyboard.press("Enter");
    await expect(picker).toBeHidden();
    await expect(body(page).locator("sup.citation")).toHaveCount(1);
    await expect(body(page).locator("sup.citation")).toHaveAttribute("data-n", "1");
    await expect(body(page)).toBeFocused();
    // The caret stays after the citation: typing goes on where the writer was.
    await page.keyboard.type(" Rare.");
    await expect(body(page).locator("p").first()).toContainText("in the skin. Rare.");
    expect(
      await body(page)
        .locator("sup.citation")
        .evaluate((sup) => sup.nextSibling?.textContent),
    ).toBe(" Rare.");

    // A click on a source cites it too; a search without matches says so; Escape goes back to the text.
    await page.keyboard.press("Control+Alt+r");
    await picker.getByRole("combobox").fill("no such source");
    await expect(picker.getByRole("status")).toHaveText("No source matches “no such source”.");
    await page.keyboard.press("Escape");
    await expect(picker).toBeHidden();
    await expect(body(page)).toBeFocused();
    await page.keyboard.press("Control+Alt+r");
    await picker.getByRole("option", { name: /MedlinePlus/ }).click();
    await expect(body(page).locator("sup.citation")).toHaveCount(2);
    await expect(body(page).locator("sup.citation").nth(1)).toHaveAttribute("data-n", "2");
  });

  test("add a source by DOI from the picker: looked up, added and cited; an unknown DOI says the next step and keeps it", async ({
    page,
  }) => {
    const { writer, article, text } = await articleWithSources("Cite by DOI");
    await signIn(page, writer, `/studio/articles/${article.id}/edit`);
    await body(page).getByText(text).click();
    await page.keyboard.press("End");

    await page.keyboard.press("Control+Alt+r");
    const picker = page.getByRole("dialog", { name: "Cite a source" });
    await picker.getByLabel("Add a source by DOI, PMID or web address").fill(`https://doi.org/${KNOWN_DOI}`);
    await picker.getByRole("button", { name: "Add and cite" }).click();
    await expect(picker).toBeHidden();
    await expect(page.getByTestId("reference-item")).toHaveCount(3);
    await expect(body(page).locator("sup.citation")).toHaveCount(1);
    const added = await e2eDb().reference.findFirstOrThrow({ where: { articleId: article.id, doi: { not: null } } });
    expect(added.doi?.toLowerCase()).toBe(KNOWN_DOI.toLowerCase());
    await expect(body(page).locator("sup.citation")).toHaveAttribute("data-ref-key", added.key);

    // Unknown DOI: the picker says what to do next, and "Enter the details by hand" carries the DOI over.
    const unknown = "10.9999/not-registered.2026";
    await page.keyboard.press("Control+Alt+r");
    await picker.getByLabel("Add a source by DOI, PMID or web address").fill(unknown);
    await picker.getByRole("button", { name: "Add and cite" }).click();
    await expect(picker.getByRole("alert")).toContainText("Check the DOI, or enter the details by hand.");
    await picker.getByRole("button", { name: "Enter the details by hand" }).click();
    await expect(picker).toBeHidden();
    const form = page.getByRole("form", { name: "New reference" });
    await expect(form.getByLabel("DOI", { exact: true })).toHaveValue(unknown);
    await expect(form.getByLabel("Title")).toBeFocused();
    await expect(form).toContainText("Check the DOI, or enter the details by hand");
  });

  test("a failed DOI look-up in the reference form names the next step and copies the DOI into the form", async ({
    page,
  }) => {
    const { writer, article } = await articleWithSources("Failed look-up");
    await signIn(page, writer, `/studio/articles/${article.id}/edit`);
    await page.getByRole("button", { name: "Add reference" }).click();
    const form = page.getByRole("form", { name: "New reference" });
    const unknown = "10.9999/also-not-registered";
    await form.getByLabel("Fill in from a DOI, PMID or PubMed/DOI address").fill(`doi: ${unknown}`);
    await form.getByRole("button", { name: "Fill in" }).click();
    await expect(form.locator(".field-error").first()).toHaveText(
      `No record was found for ${unknown}. Check the DOI, or enter the details by hand below.`,
    );
    await expect(form.getByLabel("DOI", { exact: true })).toHaveValue(unknown);
    await expect(form.getByLabel("Fill in from a DOI, PMID or PubMed/DOI address")).toHaveValue(`doi: ${unknown}`);
    // Finishing by hand keeps the DOI.
    await form.getByLabel("Title").fill("A source the registry does not know");
    await form.getByRole("button", { name: "Add reference" }).click();
    await expect(
      page.getByTestId("reference-item").filter({ hasText: "A source the registry does not know" }),
    ).toBeVisible();
    const saved = await e2eDb().reference.findFirstOrThrow({
      where: { articleId: article.id, title: "A source the registry does not know" },
    });
    expect(saved.doi).toBe(unknown);
  });
});

/** An article whose three paragraphs a reviewer commented on (two of them), plus one comment on the whole
 *  revision; the reviewer then asked for changes. */
async function commentedArticle() {
  const suffix = uniqueSuffix();
  const writer = await createTestUser({ roles: ["WRITER"] });
  const { user: reviewer } = await createReviewer({ postNominals: `M.D. ${suffix}` });
  const paragraphs = [
    `Calcinosis cutis ${suffix} is calcium deposited in the skin.`,
    `It affects about one in a thousand adults, most often after an injury.`,
    `Most deposits need no treatment at all and fade over the years.`,
  ];
  const article = await e2eDb().article.create({
    data: {
      slug: `margin-${suffix}`,
      createdById: writer.id,
      authors: { create: [{ userId: writer.id }] },
      draft: {
        create: {
          title: `Margin comments ${suffix}`,
          summary: "What calcinosis cutis is and how it is treated.",
          bodyJson: JSON.stringify({
            type: "doc",
            content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
          }),
          editorIds: JSON.stringify([writer.id]),
        },
      },
    },
  });
  await submitArticle(e2eDb(), writer, { articleId: article.id, changeSummary: "First version" });
  const { currentRevisionId } = await e2eDb().article.findUniqueOrThrow({ where: { id: article.id } });
  const revision = await e2eDb().revision.findUniqueOrThrow({ where: { id: currentRevisionId! } });
  const base = { articleId: article.id, revisionId: revision.id };
  const prevalence = await addReviewComment(e2eDb(), reviewer, {
    ...base,
    blockIndex: 1,
    quote: paragraphs[1],
    body: "Give the source for this figure.",
  });
  const treatment = await addReviewComment(e2eDb(), reviewer, {
    ...base,
    blockIndex: 2,
    quote: paragraphs[2],
    body: "Large or painful deposits are treated: say so.",
  });
  await addReviewComment(e2eDb(), reviewer, { ...base, body: "Add a section on prevention." });
  await requestChanges(e2eDb(), reviewer, {
    ...base,
    contentHash: revision.contentHash,
    summary: "Please answer the comments.",
  });
  return { writer, reviewer, article, paragraphs, prevalence, treatment };
}

async function editorAt(browser: Browser, user: TestUser, path: string, viewport: { width: number; height: number }) {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, user, path);
  return page;
}

test.describe("reviewer comments in the editor", () => {
  test("beside their blocks at 1366 px: reply, resolve by keyboard (audited, kept in the review history), a deleted block's comment moves to the top", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const { writer, reviewer, article, paragraphs, prevalence, treatment } = await commentedArticle();
    const page = await editorAt(browser, writer, `/studio/articles/${article.id}/edit`, { width: 1366, height: 900 });
    const margin = page.getByRole("region", { name: "Reviewer comments beside the text" });
    // Requesting changes adds the decision's summary as a comment on the whole revision.
    await expect(page.getByTestId("margin-notice")).toHaveText(
      "4 open reviewer comments (2 beside the text, 2 on the whole article): answer or resolve each one.",
    );
    await expect(margin.getByTestId("margin-thread")).toHaveCount(2);
    const general = page.getByTestId("margin-general");
    await general.getByText("Comments on the whole article (2)").click();
    await expect(
      general.getByTestId("margin-thread").filter({ hasText: "Add a section on prevention." }),
    ).toBeVisible();

    // The reviewer answers a thread while the writer has the editor open: the margin shows it without a reload
    // (the editor looks again every 15 s).
    await replyToReviewComment(e2eDb(), reviewer, {
      commentId: prevalence.id,
      body: "The national registry reports this figure.",
    });
    await expect(page.getByTestId("margin-notice")).toHaveText(`New answer from ${reviewer.name}.`, {
      timeout: 30_000,
    });
    await expect(margin.getByTestId("margin-thread").first()).toContainText(
      "The national registry reports this figure.",
    );

    // Each card sits beside its paragraph: to its right, never above it; the first level with it, the next one
    // level with its own paragraph or pushed down just below the card above.
    let above = 0;
    for (const [index, text] of [
      [1, "Give the source for this figure."],
      [2, "Large or painful deposits are treated: say so."],
    ] as const) {
      const block = (await body(page).locator("p").nth(index).boundingBox())!;
      const card = (await margin.getByTestId("margin-thread").filter({ hasText: text }).boundingBox())!;
      expect(card.x).toBeGreaterThanOrEqual(block.x + block.width);
      expect(card.y).toBeGreaterThanOrEqual(Math.max(block.y - 4, above));
      expect(card.y).toBeLessThan(Math.max(block.y, above) + 40);
      above = card.y + card.height;
    }

    // Keyboard: from the text, Tab reaches the first comment's buttons; Resolve is a button.
    await body(page).getByText(paragraphs[0]).click();
    await page.keyboard.press("Tab");
    await expect(margin.getByRole("button", { name: `Reply to ${reviewer.name}` }).first()).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.type("Added the registry study as the source.");
    await page.getByRole("button", { name: "Send answer" }).click();
    await expect(page.getByTestId("margin-notice")).toHaveText(`Answer sent to ${reviewer.name}.`);
    await expect(margin.getByTestId("margin-thread").first()).toContainText("Added the registry study as the source.");

    await margin
      .getByTestId("margin-thread")
      .first()
      .getByRole("button", { name: /^Resolve/ })
      .focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("margin-notice")).toContainText("stays in the review history");
    await expect(margin.getByTestId("margin-thread")).toHaveCount(1);
    const resolved = await e2eDb().reviewComment.findUniqueOrThrow({ where: { id: prevalence.id } });
    expect(resolved.resolvedById).toBe(writer.id);
    const events = await e2eDb().auditEvent.findMany({
      where: { entityId: article.id, action: "review.comment_resolved", actorId: writer.id },
    });
    expect(events).toHaveLength(1);

    // Deleting the treatment paragraph moves its comment above the text; the edit is saved as usual.
    await body(page).getByText(paragraphs[2]).click({ clickCount: 3 });
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    const gone = page.getByTestId("margin-gone");
    await expect(gone).toContainText("Comments on text that no longer exists (1)");
    await expect(gone).toContainText(paragraphs[2]);
    await expect(gone.getByRole("button", { name: /^Resolve/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Reviewer comments beside the text" })).toHaveCount(0);
    await expect(page.getByTestId("save-state")).toHaveText(/Saved|All changes saved/, { timeout: 30_000 });
    await expect
      .poll(async () => (await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId: article.id } })).bodyJson)
      .not.toContain("fade over the years");
    expect((await e2eDb().reviewComment.findUniqueOrThrow({ where: { id: treatment.id } })).resolvedAt).toBeNull();

    // The resolved comment stays in the review history.
    await page.goto(`/studio/articles/${article.id}/review`);
    const thread = page.getByTestId("comment-thread").filter({ hasText: "Give the source for this figure." });
    await expect(thread).toContainText("Resolved");
    await expect(thread).toContainText("Added the registry study as the source.");
  });

  test("on a phone each comment is under its block", async ({ browser }) => {
    const { writer, article } = await commentedArticle();
    const page = await editorAt(browser, writer, `/studio/articles/${article.id}/edit`, { width: 390, height: 844 });
    const cards = page.getByRole("region", { name: "Reviewer comments beside the text" }).getByTestId("margin-thread");
    await expect(cards).toHaveCount(2);
    for (const index of [1, 2]) {
      const block = await body(page).locator("p").nth(index).boundingBox();
      const card = await cards.nth(index - 1).boundingBox();
      expect(card!.y).toBeGreaterThanOrEqual(block!.y + block!.height);
      expect(card!.x + card!.width).toBeLessThanOrEqual(390);
      if (index === 1) {
        const next = await body(page).locator("p").nth(2).boundingBox();
        expect(card!.y + card!.height).toBeLessThanOrEqual(next!.y);
      }
    }
  });
});
