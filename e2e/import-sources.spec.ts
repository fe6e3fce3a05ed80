// Importing the page the product was modelled on (issue 21): its sources are two numbered paragraphs at the end,
// no heading, no URL, publisher and title run together. Through the real import screen they become references
// that need details, the writer is told what was done, the reference panel shows the entry as imported, the
// Checks panel flags the "…Includes:" heading over prose, and the writer can complete a reference.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";

const seedShaped = readFileSync(path.join(__dirname, "../tests/fixtures/seed-shaped-article.html"), "utf8");

test("a page with run-together numbered sources imports as references that need details", async ({ page }) => {
  const writer = await createTestUser({ roles: ["WRITER"] });
  await signIn(page, writer, "/studio/articles/import");
  await page.getByLabel("Paste HTML or Markdown").fill(seedShaped);
  await page.getByLabel("Title (optional)").fill(`Calcinosis cutis ${uniqueSuffix()}`);
  await page.getByRole("button", { name: "Import" }).click();

  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText(
    "2 references made from the page’s sources (at the end of the page, without a heading).",
  );
  await expect(summary).toContainText("2 references need details");
  await expect(summary).toContainText("2 citation markers in the text now point at them.");
  await expect(summary).toContainText(
    "publisher “MedlinePlus”, title “Calcinosis”; publisher “Journal of Clinical Medicine”, title “Calcinosis cutis”",
  );
  await page.getByTestId("import-result").getByRole("link", { name: "Open in the editor" }).click();

  const items = page.getByTestId("reference-item");
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId("needs-details")).toHaveCount(2);
  const jcm = items.filter({ hasText: "Journal of Clinical Medicine" });
  await expect(jcm.locator(".ref-title")).toHaveText("Calcinosis cutis");
  await expect(jcm).toContainText(
    "Imported as “Journal of Clinical MedicineCalcinosis cutis: A comprehensive review of types, causes and treatment” — read as publisher “Journal of Clinical Medicine” and title “Calcinosis cutis”",
  );

  const checks = page.getByTestId("content-check-panel");
  await expect(checks).toContainText("The heading “Treatment Includes:” announces a list, but prose follows");
  await expect(checks.getByText(/was imported from an entry that could not be read completely/)).toHaveCount(2);
  await expect(checks).not.toContainText("MedlinePlusCalcinosis");

  // The writer completes one reference and unticks the flag.
  await jcm.getByRole("button", { name: "Edit “Calcinosis cutis”" }).click();
  const form = page.getByRole("form", { name: "Edit reference “Calcinosis cutis”" });
  await expect(form).toContainText("As the imported page had it:");
  await form.getByLabel("URL").fill("https://pubmed.ncbi.nlm.nih.gov/?term=calcinosis+cutis+comprehensive+review");
  await form.getByLabel("Needs details").uncheck();
  await form.getByRole("button", { name: "Save reference" }).click();
  await expect(page.getByTestId("needs-details")).toHaveCount(1);
  await expect(checks.getByText(/was imported from an entry that could not be read completely/)).toHaveCount(1);
});
