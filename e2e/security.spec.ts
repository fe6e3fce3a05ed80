import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isAppPath } from "../lib/http/security-headers";
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

test.describe("content security policy", () => {
  const violations = (messages: string[]) => messages.filter((m) => /Content Security Policy|Refused to/i.test(m));

  test("studio pages run their scripts under a per-request nonce, with no violation reported", async ({ page }) => {
    const messages: string[] = [];
    page.on("console", (m) => messages.push(m.text()));
    const writer = await createTestUser({ roles: ["WRITER"] });
    await page.goto("/signin?callbackUrl=/studio/articles/new");
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(writer.email);
    await page.getByLabel("Password").fill(writer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/studio\/articles\/new/);
    await waitForHydration(page);

    const first = await page.request.get("/studio/articles/new");
    const second = await page.request.get("/studio/articles/new");
    const policy = first.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Fresh per request, and on every script Next writes into the page.
    expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
    expect(violations(messages)).toEqual([]);
  });

  test("no studio, account or sign-in page is prerendered (a page made at build time cannot carry a nonce)", () => {
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, "..", ".next", "prerender-manifest.json"), "utf8"),
    ) as {
      routes: Record<string, unknown>;
      dynamicRoutes: Record<string, unknown>;
    };
    const prerendered = [...Object.keys(manifest.routes), ...Object.keys(manifest.dynamicRoutes)];
    expect(prerendered.filter(isAppPath), 'add `export const dynamic = "force-dynamic"` to these pages').toEqual([]);
  });

  test("readers' pages allow no inline script and are still served from the page cache", async ({ page, request }) => {
    const messages: string[] = [];
    page.on("console", (m) => messages.push(m.text()));
    const article = await e2eDb().article.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { slug: true } });
    const path = `/articles/${article.slug}`;
    await request.get(path);
    const res = await request.get(path);
    expect(res.headers()["x-page-cache"]).toBe("HIT");
    const policy = res.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toContain("nonce");
    expect(policy).toContain("frame-ancestors 'none'");
    // Over plain http (this test server), no HSTS: browsers ignore it there and it would pin nothing.
    expect(res.headers()["strict-transport-security"]).toBeUndefined();

    await page.goto(path);
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
    expect(violations(messages)).toEqual([]);
  });
});
