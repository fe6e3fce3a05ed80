import { expect, test } from "@playwright/test";
import { createTestUser, waitForHydration } from "./helpers/factory";
import { e2eDb } from "./helpers/db";

test.describe("request hardening", () => {
  for (const callbackUrl of ["/%5Cevil.example/", "/%09/evil.example/", "/\\/evil.example/", "https://evil.example/"]) {
    test(`sign-in with callbackUrl ${callbackUrl} stays on this site`, async ({ page, baseURL }) => {
      const writer = await createTestUser({ roles: ["WRITER"] });
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await waitForHydration(page);
      await page.getByLabel("E-mail").fill(writer.email);
      await page.getByLabel("Password").fill(writer.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(`${baseURL}/studio`);
      await expect(page.getByTestId("studio-user")).toContainText(writer.name);
    });
  }

  test("GET /signout does not sign out; its button does", async ({ page, baseURL }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await page.goto("/signin?callbackUrl=/studio");
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(writer.email);
    await page.getByLabel("Password").fill(writer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/studio`);

    await page.goto("/signout");
    await expect(page.getByRole("heading", { name: "Sign out" })).toBeVisible();
    await page.goto("/studio");
    await expect(page.getByTestId("studio-user")).toContainText(writer.name);

    await page.goto("/signout");
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin\?notice=signed-out/);
    await page.goto("/studio");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe("cross-site requests", () => {
  test("a signed-in editor's cookie does not let another site change anything", async ({ page }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    await page.goto("/signin?callbackUrl=/studio");
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(editor.email);
    await page.getByLabel("Password").fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("studio-user")).toContainText(editor.name);

    const word = `crosssite${Date.now()
      .toString(36)
      .replace(/\d/g, (d) => "abcdefghij"[Number(d)])}`;
    const crossSite = await page.request.post("/api/dictionary", {
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain" },
      data: JSON.stringify({ word }),
    });
    expect(crossSite.status()).toBe(403);
    const plainText = await page.request.post("/api/dictionary", {
      headers: { "Content-Type": "text/plain" },
      data: JSON.stringify({ word }),
    });
    expect(plainText.status()).toBe(415);
    expect(await e2eDb().dictionaryWord.count({ where: { word } })).toBe(0);

    const sameSite = await page.request.post("/api/dictionary", { data: { word } });
    expect(sameSite.status()).toBe(201);
  });
});
