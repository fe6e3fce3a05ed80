import { expect, test } from "@playwright/test";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";
import { e2eDb } from "./helpers/db";
import { DEMO_USERS } from "../prisma/seed-users";

test.describe("staff sign-in and roles", () => {
  test("each demo role signs in and sees its own area", async ({ page }) => {
    const areas = {
      writer: "area-writer",
      reviewer: "area-reviewer",
      editor: "area-editor",
      admin: "area-admin",
    } as const;
    for (const [key, testId] of Object.entries(areas) as [keyof typeof areas, string][]) {
      const user = DEMO_USERS[key];
      await signIn(page, user);
      await expect(page.getByTestId("studio-user")).toContainText(user.name);
      await expect(page.getByTestId(testId)).toBeVisible();
      for (const other of Object.values(areas).filter((id) => id !== testId)) {
        await expect(page.getByTestId(other)).toHaveCount(0);
      }
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/signin\?notice=signed-out/);
      await page.goto("/studio");
      await expect(page).toHaveURL(/\/signin/);
    }
  });

  test("a writer who opens an admin page is refused", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await signIn(page, writer);
    const response = await page.goto("/studio/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  });

  test("a wrong password and an unknown account get the same generic message", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill(writer.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const message = page.getByTestId("signin-error");
    await expect(message).toHaveText("That e-mail and password do not match an active account.");
    await page.getByLabel("E-mail").fill("nobody-at-all@e2e.example");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(message).toHaveText("That e-mail and password do not match an active account.");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("after five failed attempts the account is locked with a clear message", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill(writer.email);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("signin-error")).toHaveText(/do not match/);
    }
    await page.getByLabel("Password").fill(writer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signin-error")).toHaveText(
      /Too many failed sign-in attempts for this account\. Try again in \d+ minutes?\./,
    );
  });

  test("a disabled user is signed out on the next request", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await signIn(page, writer);
    await expect(page.getByTestId("area-writer")).toBeVisible();
    await e2eDb().user.update({ where: { id: writer.id }, data: { status: "DISABLED" } });
    await page.goto("/studio");
    await expect(page).toHaveURL(/\/signin\?notice=inactive/);
    await expect(page.getByText("no longer active")).toBeVisible();
    await page.goto("/studio");
    await expect(page).toHaveURL(/\/signin(\?|$)/);
  });

  test("an admin changes roles and the change applies on the person's next click", async ({ page, browser }) => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const person = await createTestUser({ roles: ["WRITER"] });
    const personContext = await browser.newContext();
    const personPage = await personContext.newPage();
    await signIn(personPage, person);
    await expect(personPage.getByTestId("area-writer")).toBeVisible();

    await signIn(page, admin, "/studio/admin/users");
    const row = page.getByTestId(`user-row-${person.email}`);
    await row.getByRole("checkbox", { name: "Writer" }).uncheck();
    await row.getByRole("checkbox", { name: "Editor" }).check();
    await row.getByRole("button", { name: "Save roles" }).click();
    await expect(row.getByRole("status")).toHaveText("Saved.");

    await personPage.reload();
    await expect(personPage.getByTestId("area-editor")).toBeVisible();
    await expect(personPage.getByTestId("area-writer")).toHaveCount(0);
    const events = await e2eDb().auditEvent.findMany({ where: { entityId: person.id, action: "user.roles_changed" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].dataJson)).toEqual({ granted: ["EDITOR"], removed: ["WRITER"] });
    await personContext.close();
  });

  test("inviting a person with bad input shows field errors and keeps what was typed", async ({ page }) => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    await signIn(page, admin, "/studio/admin/users");
    await page.getByLabel("Name").fill("New Person");
    await page.getByLabel("E-mail").fill("not-an-email");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByLabel("E-mail")).toHaveAccessibleDescription("Enter a valid e-mail address.");
    await expect(page.getByLabel("Name")).toHaveValue("New Person");
    await expect(page.getByLabel("E-mail")).toHaveValue("not-an-email");
    // Nobody types a password for someone else any more: the person chooses it from the e-mailed link.
    await expect(page.getByLabel(/password/i)).toHaveCount(0);
  });

  test("the users page: invite first, search by name or e-mail, no Disable on one's own row, disabling asks first", async ({
    page,
  }) => {
    const admin = await createTestUser({ roles: ["ADMIN"], name: `Ada Admin ${uniqueSuffix()}` });
    const person = await createTestUser({ roles: ["WRITER"], name: `Quentin Searchable ${uniqueSuffix()}` });
    await signIn(page, admin, "/studio/admin/users");

    // The invite form comes before the list of people.
    const invite = page.getByRole("form", { name: "Invite a person" });
    const people = page.getByRole("heading", { name: /^People/ });
    expect((await invite.boundingBox())!.y).toBeLessThan((await people.boundingBox())!.y);

    // Search by a part of the e-mail, then of the name (any case).
    const search = page.getByRole("search", { name: "People" });
    await search.getByLabel("Search people").fill(person.email.split("@")[0]);
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId(`user-row-${person.email}`)).toBeVisible();
    await page.goto(`/studio/admin/users?q=${encodeURIComponent(person.name.toUpperCase())}`);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await page.goto("/studio/admin/users?q=nobody-is-called-this");
    await expect(page.getByText("Nobody’s name or e-mail contains “nobody-is-called-this”.")).toBeVisible();

    // One's own row offers no Disable.
    await page.goto(`/studio/admin/users?q=${encodeURIComponent(admin.email)}`);
    const own = page.getByTestId(`user-row-${admin.email}`);
    await expect(own).toContainText("This is you");
    await expect(own.getByText(/Disable/)).toHaveCount(0);

    // Disabling someone else asks first; Cancel changes nothing; confirming disables.
    await page.goto(`/studio/admin/users?q=${encodeURIComponent(person.email)}`);
    const row = page.getByTestId(`user-row-${person.email}`);
    await row.getByText("Disable…").click();
    const confirm = row.getByRole("group", { name: `Disable the account of ${person.name}` });
    await expect(confirm).toContainText("signed out everywhere");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(row.getByText("Disable…")).toBeFocused();
    expect((await e2eDb().user.findUniqueOrThrow({ where: { id: person.id } })).status).toBe("ACTIVE");
    await row.getByText("Disable…").click();
    await confirm.getByRole("button", { name: "Disable the account" }).click();
    await expect(row).toContainText("Disabled");
    await expect(row.getByRole("button", { name: "Enable" })).toBeVisible();
    expect((await e2eDb().user.findUniqueOrThrow({ where: { id: person.id } })).status).toBe("DISABLED");
  });
});
