import { expect, test } from "@playwright/test";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";
import { e2eDb } from "./helpers/db";

// Written for this test; every run makes its own wording unique so runs never match each other.
function sourceText(tag: string) {
  return (
    `Porcelain lumps of calcium ${tag} form beneath the surface of scarred skin and slowly harden over many months. ` +
    "They are most often noticed on the fingertips, elbows and knees, where the skin is thin and frequently knocked during daily work."
  );
}

test.describe("integrity checks", () => {
  test("an editor adds a corpus text; a revision copying it gets a report naming it, with highlighted passages", async ({
    page,
  }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const tag = `zq${uniqueSuffix()}`;
    const title = `Outside leaflet ${tag}`;
    await signIn(page, editor, "/studio/corpus");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Address (optional)").fill("https://example.org/leaflet");
    await page.getByLabel("Text", { exact: true }).fill(sourceText(tag));
    await page.getByRole("button", { name: "Add to corpus" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Added “${title}”` })).toBeVisible();
    await expect(page.getByTestId("corpus-row").filter({ hasText: title })).toBeVisible();

    // A bad address is refused with a message beside the field, and the text stays.
    await page.getByLabel("Title", { exact: true }).fill("Second source");
    await page.getByLabel("Address (optional)").fill("ftp://example.org/x");
    await page
      .getByLabel("Text", { exact: true })
      .fill("Some words that are long enough to pass the minimum length rule.");
    await page.getByRole("button", { name: "Add to corpus" }).click();
    await expect(page.getByLabel("Address (optional)")).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
    await expect(page.getByLabel("Address (optional)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Text", { exact: true })).toHaveValue(/long enough/);

    // A revision (frozen as submitting does) copies the source's first sentence.
    const db = e2eDb();
    const article = await db.article.create({ data: { slug: `copied-${tag}`, createdById: editor.id } });
    await db.articleAuthor.create({ data: { articleId: article.id, userId: editor.id } });
    const body = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "Our own opening words about the condition come first." }],
        },
        { type: "paragraph", content: [{ type: "text", text: sourceText(tag).split(". ")[0] + "." }] },
      ],
    };
    const revision = await db.revision.create({
      data: {
        articleId: article.id,
        number: 1,
        title: `Copied article ${tag}`,
        summary: "",
        bodyJson: JSON.stringify(body),
        referencesJson: "[]",
        contentHash: `h-${tag}`,
        authorId: editor.id,
      },
    });
    await db.article.update({ where: { id: article.id }, data: { currentRevisionId: revision.id } });

    await page.goto(`/studio/articles/${article.id}/plagiarism`);
    await expect(page.getByText("No plagiarism report exists for this revision yet.")).toBeVisible();
    await page.getByRole("button", { name: "Run the checks again" }).click();
    const report = page.getByTestId("plagiarism-report");
    await expect(report).toBeVisible();
    const source = report.getByTestId("plagiarism-source");
    await expect(source).toHaveCount(1);
    await expect(source.getByRole("link", { name: title })).toHaveAttribute("href", "https://example.org/leaflet");
    const passage = source.getByTestId("plagiarism-passage").first();
    await expect(passage.locator("mark")).toHaveCount(2);
    await expect(passage.locator("mark").first()).toContainText(`Porcelain lumps of calcium ${tag}`);
    await expect(page.getByTestId("plagiarism-similarity")).toContainText("%");
    // The content checks ran too (no summary: blocking).
    await expect(page.getByTestId("check-run")).toContainText("The article has no summary");
  });

  test("the live checks panel shows a finding and jumps to its place", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await signIn(page, writer, "/studio/checks");
    await page.getByLabel("Summary").fill("A short summary. This article does not provide medical advice.");
    await page.getByLabel("Text", { exact: true }).fill("## Causes\nCalcium deposits recieve attention.\n## Symptoms");
    const panel = page.getByTestId("content-check-panel");
    const empty = panel.locator('[data-rule="empty-section"]');
    await expect(empty).toContainText("Symptoms");
    await expect(empty).toContainText("Blocking");
    await expect(panel.locator('[data-rule="spelling"]')).toContainText("recieve");
    await empty.getByRole("button", { name: "Go to this place" }).click();
    const selected = await page
      .getByLabel("Text", { exact: true })
      .evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    expect(selected).toBe("## Symptoms");
    // Fixing it clears the finding.
    await page
      .getByLabel("Text", { exact: true })
      .fill("## Causes\nCalcium deposits receive attention.\n## Symptoms\nHard lumps.");
    await expect(panel.locator('[data-rule="empty-section"]')).toHaveCount(0);
    await expect(panel.locator('[data-rule="spelling"]')).toHaveCount(0);
  });

  test("an editor adds a flagged word to the project dictionary from the panel, and removes it again", async ({
    page,
  }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    // Letters only (dictionary words may not contain digits), unique per run.
    const word =
      "qorblax" +
      uniqueSuffix()
        .replace(/[^a-z]/g, "")
        .slice(0, 6) +
      uniqueSuffix()
        .replace(/\d/g, (d) => "abcdefghij"[Number(d)])
        .slice(-4);
    await signIn(page, editor, "/studio/checks");
    await page.getByLabel("Text", { exact: true }).fill(`## Treatment\nThe ${word} clinic offers advice.`);
    const panel = page.getByTestId("content-check-panel");
    await expect(panel.locator('[data-rule="spelling"]')).toContainText(word);
    await panel.getByRole("button", { name: `Add “${word}” to the dictionary` }).click();
    await expect(panel.getByRole("status").filter({ hasText: "is in the project dictionary now" })).toBeVisible();
    await expect(panel.locator('[data-rule="spelling"]')).toHaveCount(0);
    await page.goto("/studio/dictionary");
    const row = page.getByTestId("dictionary-row").filter({ hasText: word });
    await expect(row).toContainText(editor.name);
    // Removing asks first (components/studio/confirm-step.tsx): the first button only opens the question.
    await row.getByText("Remove…").click();
    await expect(row.getByRole("group", { name: `Remove “${word}”` })).toContainText("flags it again");
    await row.getByRole("button", { name: "Remove the word" }).click();
    await expect(page.getByTestId("dictionary-row").filter({ hasText: word })).toHaveCount(0);
  });
});
