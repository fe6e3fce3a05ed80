// The studio tour (issue 27): each role signs in and visits every main screen at 1366×900 and 390×844, and a
// screenshot of each is saved as a test artifact (looked at, not compared pixel by pixel). At 1366 px no
// element is wider than the page (nothing overflows horizontally) and axe finds nothing serious or critical.
//
// Not here yet: the overflow check at 390 px (the studio's tables, e.g. the content list and users, are wider
// than a phone and not in their own scroller yet), "no navigation bar wraps at 1366 px" (the studio's top bar
// still wraps for editors and admins), and "the editor's body starts within the first 900 px / the primary
// action is visible without scrolling" (they depend on the article workspace header, not on main yet). The
// 390 px screenshots are taken all the same.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";
import { e2eDb } from "./helpers/db";
import { createReviewer, createTestUser, signIn, uniqueSuffix, type TestUser } from "./helpers/factory";

const ROOT = path.resolve(__dirname, "..");
const SIZES = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

/** Elements whose right edge is past the page's width: what makes a page scroll sideways. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Inside a scrolling container (a wide table in its own scroller) is fine.
      let p = el.parentElement;
      let scrolls = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") scrolls = true;
        p = p.parentElement;
      }
      if (!scrolls) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(box.right)}`);
    }
    return out.slice(0, 5);
  });
}

async function seriousAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<Result> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
  });
}

async function tour(page: Page, who: string, user: TestUser, screens: string[]) {
  await signIn(page, user, "/studio");
  // The current section is marked for assistive technology and shown: Dashboard on the dashboard only.
  const nav = page.getByRole("navigation", { name: "Studio" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const screen of screens) {
      await page.goto(screen);
      const name = `${who}-${screen.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${size.width}`;
      await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
      if (size.width === 1366) {
        if (screen.startsWith("/studio/articles"))
          await expect(nav.locator("[aria-current=page]")).toHaveText("Articles");
        expect(await overflowing(page), `${screen} at ${size.width} px: nothing wider than the page`).toEqual([]);
        expect(await seriousAxe(page), `axe on ${screen}`).toEqual([]);
      }
    }
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
    // The writer's own article (others' drafts are not theirs to see).
    const { id } = await e2eDb().article.create({
      data: {
        slug: `tour-${uniqueSuffix()}`,
        createdById: writer.id,
        authors: { create: [{ userId: writer.id }] },
        draft: {
          create: {
            title: "Tour article",
            summary: "A summary.",
            bodyJson: JSON.stringify({
              type: "doc",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Body text." }] }],
            }),
            editorIds: JSON.stringify([writer.id]),
          },
        },
      },
    });
    await tour(page, "writer", writer, ["/studio", "/studio/articles", "/studio/inbox", ...articleScreens(id)]);
  });

  test("reviewer", async ({ page }) => {
    const id = await demoArticleId();
    const { user } = await createReviewer();
    await tour(page, "reviewer", user, [
      "/studio",
      "/studio/articles",
      "/studio/credential",
      `/studio/articles/${id}/review`,
    ]);
  });

  test("editor", async ({ page }) => {
    const id = await demoArticleId();
    const editor = await createTestUser({ roles: ["EDITOR"] });
    await tour(page, "editor", editor, [
      "/studio",
      "/studio/articles",
      "/studio/calendar",
      "/studio/feedback",
      "/studio/media",
      `/studio/articles/${id}/publish`,
      `/studio/articles/${id}/review`,
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
