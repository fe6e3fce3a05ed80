import { expect, test, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";
import { createTestUser, signIn, uniqueSuffix, waitForHydration, type TestUser } from "./helpers/factory";
import { e2eDb } from "./helpers/db";
import { createArticle } from "../lib/articles/create-article";

/**
 * The newest link to `path` mailed to `to`, read from the admin's outbox page as a person would. Reset links
 * are mailed by a worker a moment after the request (lib/accounts/reset-request-worker.ts): the page is
 * reloaded until the mail is there.
 */
async function linkFromOutbox(browser: Browser, to: string, path: string): Promise<string> {
  const admin = await createTestUser({ roles: ["ADMIN"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, admin, "/studio/admin/outbox");
  const row = page.getByTestId("outbox").getByRole("row").filter({ hasText: to }).first();
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const text = await row.innerText();
  await context.close();
  const match = text.match(new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no ${path} link in the outbox mail to ${to}: ${text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?notice=signed-out/);
}

async function submitPassword(page: Page, user: Pick<TestUser, "email" | "password">) {
  await page.goto("/signin");
  await waitForHydration(page);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("staff accounts", () => {
  test("a forgotten password is reset through the e-mailed link, which works once", async ({ page, browser }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(writer.email);
    await page.getByRole("button", { name: "Send the link" }).click();
    const answer = page.getByRole("main").getByRole("status");
    await expect(answer).toContainText("If an account uses that address, we have sent it a link");
    // An unknown address gets exactly the same answer.
    await page.getByLabel("E-mail").fill(`nobody-${uniqueSuffix()}@e2e.example`);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(answer).toContainText("If an account uses that address, we have sent it a link");

    const link = await linkFromOutbox(browser, writer.email, "/reset-password");
    await page.goto(link);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("a freshly chosen password");
    await page.getByLabel("New password again").fill("a freshly chosen password");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await expect(page).toHaveURL(/\/signin\?notice=password-set/);
    await expect(page.getByLabel("E-mail")).toHaveValue(writer.email);
    await waitForHydration(page);
    await page.getByLabel("Password").fill("a freshly chosen password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/studio$/);
    await expect(page.getByTestId("studio-user")).toContainText(writer.name);

    await page.goto(link);
    await expect(page.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
    const events = await e2eDb().auditEvent.findMany({ where: { entityId: writer.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.password_reset_requested", "user.password_reset", "auth.signed_in"]),
    );
  });

  test("two-step sign-in: enrol with the QR key, then sign in with a code and with a recovery code", async ({
    page,
  }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await signIn(page, writer);
    // The person's own pages are under their name in the top bar.
    await page.getByTestId("studio-user").click();
    await page.getByRole("link", { name: "Your account" }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("Off");
    await page.getByRole("link", { name: "Set up two-step sign-in" }).click();
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
    await waitForHydration(page);
    await page.getByLabel("Code from the app").fill("000000");
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(page.getByLabel("Code from the app")).toHaveAccessibleDescription(/does not match/);
    await page.getByLabel("Code from the app").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    const codes = await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
    await page.getByRole("link", { name: /I have saved my recovery codes/ }).click();
    await expect(page).toHaveURL(/\/studio$/);
    await signOut(page);

    // Password alone is not enough: the form asks for the code, and no session exists until then.
    await submitPassword(page, writer);
    await expect(page.getByLabel("Authentication code")).toBeFocused();
    expect((await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
    // The code of the next 30-second step (the enrolment used the current one, which is never accepted twice).
    await page.getByLabel("Authentication code").fill(await generate({ secret, epoch: Date.now() / 1000 + 30 }));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page).toHaveURL(/\/studio$/);
    await signOut(page);

    await submitPassword(page, writer);
    await page.getByLabel("Authentication code").fill(codes[0]);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page).toHaveURL(/\/studio$/);
    await signOut(page);

    // A recovery code works once.
    await submitPassword(page, writer);
    await page.getByLabel("Authentication code").fill(codes[0]);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page.getByTestId("signin-error")).toHaveText(/That code is not valid/);
    const methods = await e2eDb().auditEvent.findMany({
      where: { entityId: writer.id, action: "auth.signed_in" },
      orderBy: { id: "asc" },
    });
    expect(methods.map((e) => JSON.parse(e.dataJson).method)).toEqual(["password", "totp", "recovery_code"]);
    expect(await e2eDb().auditEvent.count({ where: { entityId: writer.id, action: "user.two_factor_enabled" } })).toBe(
      1,
    );
  });

  test("signing out ends the session on the server: a copy of its cookie is refused afterwards", async ({
    page,
    browser,
  }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const article = await createArticle(e2eDb(), writer, { title: "Copied cookie", template: "condition" });
    await signIn(page, writer);
    const sessionCookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(sessionCookie).toBeDefined();
    // Someone copies the session cookie into another browser; it works there, as the original does.
    const copy = await browser.newContext();
    await copy.addCookies([sessionCookie!]);
    const copyPage = await copy.newPage();
    const draftApi = `/api/studio/articles/${article.id}/draft`;
    expect((await copy.request.get(draftApi)).status()).toBe(200);
    expect((await (await copy.request.get("/api/auth/session")).json()).user?.email).toBe(writer.email);
    await copyPage.goto("/studio");
    await expect(copyPage.getByTestId("studio-user")).toContainText(writer.name);

    await signOut(page);
    const refused = await copy.request.get(draftApi);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");
    expect(await (await copy.request.get("/api/auth/session")).json()).toEqual({});
    await copyPage.getByRole("link", { name: "Inbox" }).click();
    await expect(copyPage).toHaveURL(/\/signin\?notice=session-ended/);
    await copyPage.goto("/studio");
    await expect(copyPage).toHaveURL(/\/signin/);
    await copy.close();
    expect(await e2eDb().auditEvent.count({ where: { entityId: writer.id, action: "auth.signed_out" } })).toBe(1);
  });

  test("sign out everywhere ends the session in another browser on its next click", async ({ page, browser }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, editor);
    await signIn(page, editor, "/account");
    await page.getByText("Sign out everywhere…").click();
    await page
      .getByRole("group", { name: "Sign out everywhere" })
      .getByRole("button", { name: "Sign out everywhere" })
      .click();
    await expect(page).toHaveURL(/\/signin\?notice=signed-out-everywhere/);

    await otherPage.getByRole("link", { name: "Inbox" }).click();
    await expect(otherPage).toHaveURL(/\/signin\?notice=session-ended/);
    await expect(otherPage.getByText("Your session has ended")).toBeVisible();
    await otherPage.goto("/studio");
    await expect(otherPage).toHaveURL(/\/signin/);
    await other.close();
    expect(
      await e2eDb().auditEvent.count({ where: { entityId: editor.id, action: "user.signed_out_everywhere" } }),
    ).toBe(1);
  });

  test("changing the password needs the current one and ends the session", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await signIn(page, writer, "/account");
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill("a brand new password");
    await page.getByLabel("New password again").fill("a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("That is not your current password.");
    await expect(page.getByLabel("New password", { exact: true })).toHaveValue("a brand new password");
    await page.getByLabel("Current password").fill(writer.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/signin\?notice=password-changed/);
    await signIn(page, { email: writer.email, password: "a brand new password" });
  });

  test("an admin invites a person, who chooses their own password from the e-mailed link", async ({
    page,
    browser,
  }) => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const email = `invited-${uniqueSuffix()}@e2e.example`;
    await signIn(page, admin, "/studio/admin/users");
    await page.getByLabel("Name").fill("Ines Invited");
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("form", { name: "Invite a person" }).getByRole("checkbox", { name: "Editor" }).check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("form", { name: "Invite a person" }).getByRole("status")).toHaveText(
      `Invitation sent to ${email}. The link works once, for 7 days.`,
    );
    await expect(page.getByTestId(`user-row-${email}`)).toContainText("Invited, no password yet");

    const link = await linkFromOutbox(browser, email, "/invite");
    const invited = await browser.newContext();
    const invitedPage = await invited.newPage();
    await invitedPage.goto(link);
    await expect(invitedPage.getByRole("heading", { name: "Welcome, Ines Invited" })).toBeVisible();
    await waitForHydration(invitedPage);
    await invitedPage.getByLabel("New password", { exact: true }).fill("ines own password");
    await invitedPage.getByLabel("New password again").fill("ines own password");
    await invitedPage.getByRole("button", { name: "Set my password" }).click();
    await expect(invitedPage).toHaveURL(/\/signin\?notice=password-set/);
    await signIn(invitedPage, { email, password: "ines own password" });
    await expect(invitedPage.getByTestId("area-editor")).toBeVisible();
    await invited.close();
  });
});
