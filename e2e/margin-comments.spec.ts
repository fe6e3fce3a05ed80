// The editor as the writer's workspace: the Cite picker (search the article's sources, Enter cites at the caret,
// add a source by DOI), and a failed DOI look-up that says the next step and keeps what was pasted.
// The registries are the local stub (tests/helpers/source-stub.ts): one DOI is known, any other is not found.
import { expect, test, type Page } from "@playwright/test";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";
import { e2eDb } from "./helpers/db";

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
