// Declarations of interest, funding and lay review, end to end in Chromium (issue 22):
// - a reviewer whose declaration names the article's sponsor cannot approve it; an editor overrides with a
//   written reason; the reviewer approves; the public page shows "Funding" and "Conflicts of interest" with the
//   people's profiles; the override is in the audit log;
// - an editor invites a lay reader, who opens the single-use link without an account (and without JavaScript),
//   answers, and the writer sees the answers on that revision; the link cannot be used twice or after expiry; a
//   policy requiring one lay review (for clinicians' articles, so parallel specs are untouched) holds the gate.
// SCREENSHOT_DIR set: every new screen is also saved at 1366×900 and 390×844.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./helpers/db";
import { createReviewer, createTestUser, signIn, uniqueSuffix, type TestUser } from "./helpers/factory";
import { makeArticle } from "../tests/helpers/factory";
import { setDraft } from "../tests/helpers/publish-fixtures";
import { submitArticle } from "../lib/workflow/submit-article";
import { publishArticle } from "../lib/publishing/publish-article";
import { inviteLayReviewer } from "../lib/lay-review/invite-lay-reviewer";
import { putSetting, getSetting } from "../lib/settings/settings";

async function as(browser: Browser, user: Pick<TestUser, "email" | "password">, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, path);
  return page;
}

async function shoot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  const size = page.viewportSize();
  for (const [label, viewport] of [
    ["1366", { width: 1366, height: 900 }],
    ["390", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${dir}/${name}-${label}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** An article by `writer` in review, its text passing the gate's checks once recorded. */
async function articleInReview(writer: TestUser, title: string, audience = "patients") {
  const db = e2eDb();
  const article = await makeArticle(db, { authorId: writer.id, title });
  await db.article.update({ where: { id: article.id }, data: { audience } });
  await setDraft(db, article.id, {
    title,
    summary: `What ${title.toLowerCase()} is.`,
    blocks: ["## Overview", `${title} is a condition that several people live with for years.`],
  });
  return article;
}

async function submit(writer: TestUser, articleId: string) {
  const { revisionId } = await submitArticle(e2eDb(), writer, { articleId, changeSummary: "Ready" });
  return e2eDb().revision.findUniqueOrThrow({ where: { id: revisionId } });
}

/** What the integrity checks record after a freeze: a clean plagiarism report and content check run. */
async function cleanChecks(articleId: string, revisionId: string) {
  await e2eDb().plagiarismReport.create({
    data: { revisionId, similarity: 1, parametersJson: "{}", matchesJson: "[]" },
  });
  await e2eDb().contentCheckRun.create({ data: { articleId, revisionId, findingsJson: "[]" } });
}

test.describe("declarations of interest and funding", () => {
  test("a reviewer with an interest in the sponsor cannot approve until an editor overrides; readers see funding and conflicts; the override is audited", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const writer = await createTestUser({ roles: ["WRITER"] });
    const { user: reviewer, credential } = await createReviewer();
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const sponsor = `Acme Pharma ${uniqueSuffix()}`;
    const title = `Gout ${uniqueSuffix()}`;
    const article = await articleInReview(writer, title);

    // The reviewer declares a financial interest in the sponsor (dashboard asks first).
    const r = await as(browser, reviewer, "/studio");
    await expect(r.getByTestId("declaration-due")).toContainText("You have not declared your interests yet.");
    await r.getByTestId("declaration-due").getByRole("link", { name: "Make your declaration" }).click();
    await expect(r.getByRole("heading", { level: 1 })).toHaveText("Declarations of interest");
    await r.getByRole("checkbox", { name: /^Financial/ }).check();
    await r.getByLabel("Your statement").fill(`Paid advisory board member for ${sponsor} since 2024.`);
    await r.getByLabel("Organisations named (one per line)").fill(`${sponsor} Ltd.`);
    await r.getByRole("button", { name: "Save a new declaration" }).click();
    await expect(r.getByTestId("current-declaration")).toContainText(`${sponsor} Ltd.`);
    await shoot(r, "declarations");

    // The writer records the sponsor in the article's settings (spelled differently).
    const w = await as(browser, writer, `/studio/articles/${article.id}/edit`);
    // Funding is among the article's settings, folded away until opened.
    await w.getByTestId("settings-panel").getByText("Settings", { exact: true }).click();
    const funding = w.getByRole("form", { name: "Funding and sponsorship" });
    await funding.getByLabel("Yes, by the organisations below").check();
    await funding.getByLabel("Role", { exact: true }).first().selectOption("sponsor");
    await funding.getByLabel("Name", { exact: true }).first().fill(sponsor.toUpperCase());
    await funding.getByLabel("What they gave or did (optional)").first().fill("unrestricted educational grant");
    await funding.getByRole("button", { name: "Save funding" }).click();
    await expect(w.getByTestId("funding-saved")).toContainText(`Sponsored by ${sponsor.toUpperCase()}`);
    await shoot(w, "funding-settings");

    const revision = await submit(writer, article.id);
    await cleanChecks(article.id, revision.id);

    // The reviewer is told why they cannot approve; no approval form is offered, and the server refuses too.
    const reviewPath = `/studio/articles/${article.id}/review`;
    await r.goto(reviewPath);
    await expect(r.getByTestId("conflict-held")).toContainText(`declared an interest in ${sponsor} Ltd.`);
    await expect(r.getByRole("button", { name: "Approve revision" })).toHaveCount(0);
    await expect(r.getByRole("button", { name: "Request changes" })).toBeVisible();
    await shoot(r, "review-conflict-held");

    // The editor overrides with a written reason.
    const e = await as(browser, editor, reviewPath);
    const conflict = e.getByTestId("reviewer-conflict").filter({ hasText: reviewer.name });
    await conflict.getByRole("button", { name: "Allow this reviewer to approve" }).click();
    await expect(conflict.getByText(/at least 10 characters/)).toBeVisible();
    const reason = "Only gout specialist available; the grant is unrestricted and ended in 2025.";
    await conflict.getByLabel("Why this reviewer may approve anyway").fill(reason);
    await conflict.getByRole("button", { name: "Allow this reviewer to approve" }).click();
    await expect(conflict).toContainText(`Overridden by ${editor.name}`);
    await shoot(e, "review-conflicts-editor");

    // Now the reviewer may approve.
    await r.reload();
    await expect(r.getByTestId("conflict-overridden")).toContainText(reason);
    await r.getByRole("checkbox", { name: /I have reviewed revision/ }).check();
    await r.getByRole("button", { name: "Approve revision" }).click();
    await expect(r.getByTestId("article-status")).toHaveText("Approved");

    // Published (through the same lib call as the Publish button): readers see funding and conflicts.
    await publishArticle(e2eDb(), editor, { articleId: article.id, revisionId: revision.id });
    const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await reader.goto(`/articles/${article.slug}`);
    await expect(reader.getByTestId("funding")).toContainText(
      `Funding: Sponsored by ${sponsor.toUpperCase()} (unrestricted educational grant).`,
    );
    const conflicts = reader.getByTestId("conflicts");
    await expect(conflicts).toContainText("Conflicts of interest: see the declarations of");
    await expect(conflicts.getByRole("link", { name: writer.name })).toHaveAttribute("href", `/writers/${writer.id}`);
    await expect(conflicts.getByRole("link", { name: reviewer.name })).toHaveAttribute(
      "href",
      `/reviewers/${reviewer.id}`,
    );
    const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd.sponsor).toEqual([
      { "@type": "Organization", name: sponsor.toUpperCase(), description: "unrestricted educational grant" },
    ]);
    await shoot(reader, "article-disclosure");
    // Each profile lists the person's current declaration.
    await conflicts.getByRole("link", { name: reviewer.name }).click();
    await expect(reader.getByRole("heading", { level: 1 })).toContainText(credential.displayName);
    await expect(reader.getByTestId("profile-declaration")).toContainText(`Organisations: ${sponsor} Ltd.`);
    await reader.goto(`/writers/${writer.id}`);
    await expect(reader.getByTestId("profile-declaration")).toContainText("No declaration has been made.");
    await expect(reader.getByRole("link", { name: title })).toBeVisible();
    await shoot(reader, "writer-profile");

    // The override is in the audit log, with its reason.
    const a = await as(browser, admin, "/studio");
    await expect(a.getByTestId("stale-declarations")).toContainText("Declarations of interest missing");
    await a.goto(`/studio/admin/audit?entityId=${article.id}&action=article.conflict_overridden`);
    await expect(a.getByRole("main")).toContainText("Reviewer's conflict of interest overridden");
    await expect(a.getByRole("main")).toContainText(reason);
  });
});

test.describe("lay review", () => {
  test("an editor invites a lay reader; the reader answers once through the link without an account; the writer sees the answers; the policy holds the gate until then", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const db = e2eDb();
    const writer = await createTestUser({ roles: ["WRITER"] });
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const title = `Atrial fibrillation ${uniqueSuffix()}`;
    // Written for clinicians: the policy below is set for that audience only, so other specs are unaffected.
    const article = await articleInReview(writer, title, "professionals");
    const revision = await submit(writer, article.id);
    await cleanChecks(article.id, revision.id);
    const before = await getSetting(db, "layReview.requiredProfessionals");
    await putSetting(db, "layReview.requiredProfessionals", 1);
    try {
      // The gate holds: no lay review yet.
      const e = await as(browser, editor, `/studio/articles/${article.id}/publish`);
      await expect(e.getByTestId("gate-item-layReview")).toContainText("Failed");
      await expect(e.getByTestId("gate-item-layReview")).toContainText("asks for 1 lay review");

      // The editor invites a reader from the review tab.
      await e.goto(`/studio/articles/${article.id}/review`);
      const email = `lay-${uniqueSuffix()}@example.org`;
      const panel = e.getByTestId("lay-reviews-panel");
      await panel.getByLabel("Reader's e-mail address").fill(email);
      await panel.getByRole("button", { name: "Send the invitation" }).click();
      await expect(panel).toContainText("Invitation sent.");
      await expect(panel.getByTestId("lay-invites")).toContainText(email);
      await shoot(e, "review-lay-invite");
      const mail = await db.outboxMail.findFirstOrThrow({ where: { to: email } });
      const link = /(\/lay-review\?token=[A-Za-z0-9_-]+)/.exec(mail.text)![1];

      // The lay reader, with no account and JavaScript off, reads and answers.
      const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await reader.goto(link);
      await expect(reader.getByRole("heading", { name: title })).toBeVisible();
      await expect(reader.locator("body")).not.toContainText(writer.name);
      await shoot(reader, "lay-review-page");
      await reader.getByRole("button", { name: "Send my answers" }).click();
      await expect(reader.getByTestId("lay-review-error")).toContainText("Please check your answers");
      await reader.getByLabel("Mostly").check();
      await reader.getByLabel("Is anything missing that you would want to know?").fill("What to do when it starts.");
      await reader.getByLabel("About right").check();
      await reader.getByLabel(/I have experience of this condition/).check();
      await reader.getByLabel("Anything else you would like to tell the writers?").fill("Clear and calm.");
      await reader.getByRole("button", { name: "Send my answers" }).click();
      await expect(reader.getByTestId("lay-review-thanks")).toBeVisible();
      await shoot(reader, "lay-review-thanks");

      // The link cannot be used twice.
      await reader.goto(link);
      await expect(reader.getByTestId("lay-link-invalid")).toContainText("expired or was already used");
      // …nor after it expired.
      const expired = await inviteLayReviewer(
        db,
        editor,
        { articleId: article.id, revisionId: revision.id, email: `late-${uniqueSuffix()}@example.org`, message: "" },
        new Date(Date.now() - 15 * 24 * 3600 * 1000),
      );
      await reader.goto(`/lay-review?token=${expired.token}`);
      await expect(reader.getByTestId("lay-link-invalid")).toBeVisible();
      await shoot(reader, "lay-review-invalid");

      // The writer sees the answers on that revision (and not the reader's address).
      const w = await as(browser, writer, `/studio/articles/${article.id}/review`);
      const answers = w.getByTestId("lay-review");
      await expect(answers).toContainText("Mostly");
      await expect(answers).toContainText("What to do when it starts.");
      await expect(answers).toContainText("Lived experience");
      await expect(w.getByTestId("lay-reviews-panel")).not.toContainText(email);
      await expect(w.getByTestId("lay-reviews-panel")).toContainText(`revision ${revision.number}`);
      await shoot(w, "review-lay-answers");

      // The gate passes now.
      await e.goto(`/studio/articles/${article.id}/publish`);
      await expect(e.getByTestId("gate-item-layReview")).toContainText("1 lay review recorded (1 required).");
    } finally {
      await putSetting(db, "layReview.requiredProfessionals", before);
    }
  });
});
