// An editor changes a live article's citation style from Vancouver (the default) to AMA in Article settings:
// the public page and the studio preview list the references in AMA at once.
import { expect, test } from "@playwright/test";
import { createReference } from "../lib/references/manage-references";
import { makeTeam, publishDraft, setDraft } from "../tests/helpers/publish-fixtures";
import { makeArticle } from "../tests/helpers/factory";
import { referenceInputSchema } from "../lib/references/reference-schema";
import { parseInput } from "../lib/validation";
import { e2eDb } from "./helpers/db";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";

test("an editor switches a live article to AMA; the public page and the preview follow", async ({ page }) => {
  const db = e2eDb();
  const team = await makeTeam(db);
  const title = `Gout ${uniqueSuffix()}`;
  const article = await makeArticle(db, { authorId: team.writer.id, title });
  await setDraft(db, article.id, { title, blocks: ["## What is gout?", "Gout is a kind of arthritis."] });
  await createReference(
    db,
    team.writer,
    article.id,
    parseInput(referenceInputSchema, {
      authors: "Dalbeth N, Gosling AL",
      title: "Gout",
      containerTitle: "Lancet",
      year: 2021,
      doi: "10.1016/S0140-6736(21)00569-9",
      pmid: "34245682",
    }),
  );
  const published = await publishDraft(db, team, article.id);

  const references = page.getByRole("region", { name: "References" });
  await page.goto(`/articles/${published.slug}`);
  await expect(references.getByRole("listitem").first()).toContainText("Dalbeth N, Gosling AL. Gout. Lancet. 2021");

  const editor = await createTestUser({ roles: ["EDITOR"] });
  await signIn(page, editor, `/studio/articles/${article.id}/edit`);
  // The settings are folded beside the text: open them.
  await page.getByTestId("settings-panel").getByText("Settings", { exact: true }).click();
  const settings = page.getByRole("form", { name: "Audience and citation style" });
  await expect(settings.getByLabel("Citation style")).toHaveValue("vancouver");
  await settings.getByLabel("Citation style").selectOption("ama");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toContainText("AMA references");
  await expect(settings.getByRole("status")).toContainText("The live page now uses this style.");

  await page.goto(`/articles/${published.slug}`);
  const item = references.getByRole("listitem").first();
  await expect(item).toContainText("Dalbeth N, Gosling AL. Gout. Lancet. Published online 2021.");
  await expect(item.locator("i", { hasText: "Lancet" })).toBeVisible();
  await expect(item.getByRole("link", { name: "10.1016/S0140-6736(21)00569-9" })).toHaveAttribute(
    "href",
    "https://doi.org/10.1016/S0140-6736(21)00569-9",
  );

  await page.goto(`/studio/articles/${article.id}/preview`);
  await expect(page.getByTestId("preview").getByRole("region", { name: "References" })).toContainText(
    "doi:10.1016/S0140-6736(21)00569-9",
  );
});
