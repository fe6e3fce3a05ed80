// The studio tour (issue 27): each role signs in and visits every main screen at 1366×900 and 390×844, and a
// screenshot of each is saved as a test artifact (looked at, not compared pixel by pixel). On every screen, at
// both sizes, no element is wider than the page (wide tables scroll in their own region) and axe finds nothing
// serious or critical; at 1366 px no navigation bar wraps (the studio's top bar is one row for every role).
// On the article screens where a role has the next step (the writer's Edit tab: Submit; the reviewer's Review
// tab: Approve or request changes; the editor's Publish tab of an approved article: Publish), the workspace
// header's primary action is wholly in view before any scrolling, and on the Edit tab the editor's body (the
// Tiptap content element) starts on the first screen, at both sizes. The studio's navigation marks the current
// section; on a phone it folds behind one "Menu" button, and the admin pages sit under one "Admin" menu; both
// open and close from the keyboard. (Every other studio screen is checked the same way in studio-screens.spec.)
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";
import { makeArticle } from "../tests/helpers/factory";
import { approveDraft } from "../tests/helpers/publish-fixtures";
import { submitArticle } from "../lib/workflow/submit-article";
import { e2eDb } from "./helpers/db";
import { createReviewer, createTestUser, signIn, type TestUser } from "./helpers/factory";
import { checkScreen } from "./helpers/layout-checks";

interface Size {
  width: number;
  height: number;
}
const SIZES: readonly Size[] = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
];

/** A screen of the tour, with what its first screen must show (before any scrolling). */
interface Screen {
  path: string;
  /** The workspace header's primary action for this person here: a button or link with this exact name. */
  primary?: string;
  /** The editor's body (the Tiptap content element) starts on the first screen. */
  editorBody?: boolean;
}

/** Where the element's top is on the page (not in the viewport), in CSS px. */
async function pageTop(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));
}

/** What the person sees before scrolling: the header's primary action, and the editor's body where it should. */
async function checkFirstScreen(page: Page, screen: Screen, size: Size) {
  const where = `${screen.path} at ${size.width}×${size.height}`;
  // Nothing scrolled the page on its own: what is in the viewport now is the first screen.
  expect(await page.evaluate(() => window.scrollY), `${where}: opens at the top`).toBe(0);
  if (screen.primary) {
    const action = page.getByTestId("workspace-header").getByTestId("primary-action");
    await expect(action.getByTestId("primary-unavailable"), `${where}: the primary action can be taken`).toHaveCount(0);
    const control = action.getByText(screen.primary, { exact: true });
    await expect(control, `${where}: "${screen.primary}" is wholly in view`).toBeInViewport({ ratio: 1 });
    const bottom = await control.evaluate((el) => Math.round(el.getBoundingClientRect().bottom));
    test.info().annotations.push({ type: "primary action bottom", description: `${where}: ${bottom} px` });
  }
  if (screen.editorBody) {
    const top = await pageTop(page, "article-body");
    test.info().annotations.push({ type: "editor body top", description: `${where}: ${top} px` });
    expect(top, `${where}: the editor's body starts within the first ${size.height} px`).toBeLessThan(size.height);
  }
}

/** Where the page's main content starts: it must not move when a menu of the top bar opens (no layout shift). */
async function mainTop(page: Page): Promise<number> {
  return page.locator("main").evaluate((el) => Math.round(el.getBoundingClientRect().top));
}

/** At 390 px: the top bar is one row (brand and "Menu"); the menu opens and closes from the keyboard, lies over
 *  the page, and each of its links is a 44 px target. */
async function checkPhoneMenu(page: Page) {
  const banner = page.getByRole("banner");
  const nav = page.getByRole("navigation", { name: "Studio" });
  const menu = banner.locator(".studio-menu > summary");
  expect((await banner.boundingBox())!.height, "the phone top bar is one row").toBeLessThanOrEqual(64);
  const button = (await menu.boundingBox())!;
  expect(Math.min(button.width, button.height), '"Menu" is a 44×44 target').toBeGreaterThanOrEqual(44);
  await expect(nav).toBeHidden();
  const top = await mainTop(page);
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(nav).toBeVisible();
  expect(await mainTop(page), "the open menu lies over the page").toBe(top);
  for (const link of await nav.getByRole("link").all()) {
    const box = (await link.boundingBox())!;
    expect(box.height, `${await link.innerText()}: 44 px tall`).toBeGreaterThanOrEqual(44);
  }
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
}

/** At 1366 px: the admin pages are under one "Admin" menu that opens from the keyboard over the page (nothing
 *  moves), closes on Escape with focus back on it, and shows as current on an admin page. */
async function checkAdminMenu(page: Page) {
  const nav = page.getByRole("navigation", { name: "Studio" });
  const admin = nav.getByTestId("admin-menu");
  const summary = admin.locator("> summary");
  await expect(summary).toHaveText("Admin");
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
  const top = await mainTop(page);
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  expect(await mainTop(page), "the open Admin menu lies over the page").toBe(top);
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Users" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
  await expect(summary).toBeFocused();
  // Open it again and follow a link: the menu closes on the new page, which it marks as current.
  await page.keyboard.press("Enter");
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/studio\/admin\/audit$/);
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeHidden();
  await expect(nav.locator("[aria-current=page]")).toHaveText("Audit log");
  await expect(admin).toHaveClass(/has-current/);
}

async function tour(page: Page, who: string, user: TestUser, screens: Array<string | Screen>) {
  await signIn(page, user, "/studio");
  // The current section is marked for assistive technology and shown: Dashboard on the dashboard only.
  const nav = page.getByRole("navigation", { name: "Studio" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const entry of screens) {
      const screen = typeof entry === "string" ? entry : entry.path;
      await page.goto(screen);
      if (typeof entry !== "string") {
        if (entry.editorBody) await page.getByTestId("article-body").waitFor();
        await checkFirstScreen(page, entry, size);
      }
      const name = `${who}-${screen.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${size.width}`;
      await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
      // (By its label, not its role: on a phone the navigation is folded away, and role queries skip it.)
      if (screen.startsWith("/studio/articles"))
        await expect(page.locator('nav[aria-label="Studio"] [aria-current=page]')).toHaveText("Articles");
      await checkScreen(page, `${screen} at ${size.width} px`, size.width);
    }
    await page.goto("/studio");
    if (size.width < 1024) await checkPhoneMenu(page);
    else if (user.roles.includes("ADMIN")) await checkAdminMenu(page);
  }
}

test.describe("studio tour", () => {
  test.use({ bypassCSP: true });
  test.setTimeout(300_000);

  async function demoArticleId() {
    const a = await e2eDb().article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE_SLUG }, select: { id: true } });
    return a.id;
  }
  const articleScreens = (id: string) =>
    ["edit", "preview", "history", "review"].map((t) => `/studio/articles/${id}/${t}`);

  test("writer", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    // The writer's own draft (others' drafts are not theirs to see), ready to submit.
    const { id } = await makeArticle(e2eDb(), { authorId: writer.id, title: "Tour article" });
    const [edit, ...otherTabs] = articleScreens(id);
    await tour(page, "writer", writer, [
      "/studio",
      "/studio/articles",
      "/studio/inbox",
      { path: edit, editorBody: true, primary: "Submit for review…" },
      ...otherTabs,
    ]);
  });

  test("reviewer", async ({ page }) => {
    const id = await demoArticleId();
    const { user } = await createReviewer();
    // A colleague's article waiting for a medical decision.
    const writer = await createTestUser({ roles: ["WRITER"] });
    const submitted = await makeArticle(e2eDb(), { authorId: writer.id, title: "Submitted tour article" });
    await submitArticle(e2eDb(), writer, { articleId: submitted.id, changeSummary: "First version" });
    await tour(page, "reviewer", user, [
      "/studio",
      "/studio/articles",
      "/studio/credential",
      `/studio/articles/${id}/review`,
      { path: `/studio/articles/${submitted.id}/review`, primary: "Approve or request changes" },
    ]);
  });

  test("editor", async ({ page }) => {
    const id = await demoArticleId();
    const editor = await createTestUser({ roles: ["EDITOR"] });
    // An approved article with clean checks: publishing is the editor's next step.
    const writer = await createTestUser({ roles: ["WRITER"] });
    const { user: reviewer } = await createReviewer();
    const approved = await makeArticle(e2eDb(), { authorId: writer.id, title: "Approved tour article" });
    await approveDraft(e2eDb(), { writer, reviewer, editor }, approved.id);
    await tour(page, "editor", editor, [
      "/studio",
      "/studio/articles",
      "/studio/calendar",
      "/studio/feedback",
      "/studio/media",
      `/studio/articles/${id}/publish`,
      `/studio/articles/${id}/review`,
      { path: `/studio/articles/${approved.id}/publish`, primary: "Publish…" },
    ]);
  });

  test("admin", async ({ page }) => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    await tour(page, "admin", admin, [
      "/studio",
      "/studio/admin/users",
      "/studio/admin/credentials",
      "/studio/admin/settings",
      "/studio/admin/audit",
      "/studio/admin/webhooks",
    ]);
  });
});
