// Every studio screen (each page under app/studio, and the account page), seen by one person holding all four
// roles, so that every menu entry and every panel shows: at 1366×900 and at 390×844 nothing makes the page
// scroll sideways (wide tables scroll in their own region), axe finds nothing serious or critical, and at
// 1366 px no navigation bar wraps (the studio's top bar is one row even with all seventeen entries). A
// screenshot of each is saved as a test artifact.
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";
import { makeArticle, makeRevision } from "../tests/helpers/factory";
import { e2eDb } from "./helpers/db";
import { createTestUser, signIn, waitForHydration, type TestUser } from "./helpers/factory";
import { checkScreen } from "./helpers/layout-checks";

const SIZES = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

async function visitAll(page: Page, who: string, paths: string[]) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${path} answers`).toBe(200);
      await waitForHydration(page);
      const name = `${who}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}-${size.width}`;
      await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
      await checkScreen(page, `${path} at ${size.width} px`, size.width);
    }
  }
}

test.describe("every studio screen", () => {
  test.use({ bypassCSP: true });
  test.setTimeout(300_000);

  let everyone: TestUser;
  test.beforeAll(async () => {
    everyone = await createTestUser({ roles: ["WRITER", "REVIEWER", "EDITOR", "ADMIN"] });
  });

  test("the desk: dashboard, lists, calendar, checks, feedback, media, account", async ({ page }) => {
    const demo = await e2eDb().article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE_SLUG }, select: { id: true } });
    await signIn(page, everyone, "/studio");
    await visitAll(page, "desk", [
      "/studio",
      "/studio/articles",
      "/studio/articles/new",
      "/studio/articles/import",
      "/studio/inbox",
      "/studio/calendar",
      "/studio/checks",
      "/studio/standards",
      "/studio/corpus",
      "/studio/dictionary",
      "/studio/feedback",
      "/studio/feedback/least-helpful",
      `/studio/feedback/articles/${demo.id}`,
      "/studio/media",
      "/studio/credential",
      "/studio/declarations",
      "/account",
      "/account/two-factor",
    ]);
  });

  test("administration: users, credentials, policies, audit log, outbox, webhooks", async ({ page }) => {
    // A paused endpoint (it receives no events) with a long address and secret: they must wrap on a phone.
    await e2eDb().webhookEndpoint.create({
      data: {
        url: `https://hooks.example.org/imprimatur/published-articles/${"x".repeat(60)}`,
        secret: `whsec_${"A".repeat(43)}=`,
        active: false,
        createdById: everyone.id,
      },
    });
    await signIn(page, everyone, "/studio");
    await visitAll(page, "admin", [
      "/studio/admin/users",
      "/studio/admin/credentials",
      "/studio/admin/settings",
      "/studio/admin/audit",
      "/studio/admin/outbox",
      "/studio/admin/webhooks",
    ]);
  });

  test("an article: edit, preview, history and a comparison, review, checks, publish", async ({ page }) => {
    const db = e2eDb();
    const article = await makeArticle(db, { authorId: everyone.id, title: "Every screen article" });
    const first = await makeRevision(db, { articleId: article.id, authorId: everyone.id });
    const second = await makeRevision(db, { articleId: article.id, authorId: everyone.id, changeSummary: "Again" });
    await signIn(page, everyone, "/studio");
    const base = `/studio/articles/${article.id}`;
    await visitAll(page, "article", [
      `${base}/edit`,
      `${base}/preview`,
      `${base}/history`,
      `${base}/history/diff?from=${first.id}&to=${second.id}`,
      `${base}/review`,
      `${base}/plagiarism`,
      `${base}/publish`,
    ]);
  });

  test("an image's page, after uploading it from the library", async ({ page }) => {
    await signIn(page, everyone, "/studio/media");
    await waitForHydration(page);
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#7a3b2e" } })
      .png()
      .toBuffer();
    await page.getByLabel("Image file").setInputFiles({ name: "screens.png", mimeType: "image/png", buffer: png });
    // The upload answered once its record form shows; the record is the image this person owns.
    await expect(page.getByRole("button", { name: "Save image details" })).toBeVisible();
    const item = await e2eDb().mediaItem.findFirstOrThrow({ where: { ownerId: everyone.id }, select: { id: true } });
    await visitAll(page, "image", [`/studio/media/${item.id}`]);
  });
});
