// The article workspace header's primary action, as a writer uses it: open "Submit for review…" (or
// "Resubmit…"), say what changed, optionally let readers see that note, submit.
import { expect, type Page } from "@playwright/test";

export async function submitFromHeader(page: Page, summary: string, options: { showToReaders?: boolean } = {}) {
  const details = page.getByTestId("submit-details");
  const form = page.getByTestId("submit-form");
  if (!(await form.isVisible())) await details.locator("summary").click();
  await form.getByRole("textbox", { name: /What changed/ }).fill(summary);
  if (options.showToReaders) await form.getByLabel("Show this note in the public update history").check();
  await form.getByRole("button", { name: /^(Submit for review|Resubmit|Submit the update for review)$/ }).click();
  await expect(page.getByTestId("article-status")).toHaveText("In review", { timeout: 30_000 });
}
