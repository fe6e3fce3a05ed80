// Review assignments by specialty, the second review for high-risk content and the editorial calendar,
// end to end in Chromium. Each test makes its own people, specialties and articles.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./helpers/db";
import { createReviewer, createTestUser, signIn, uniqueSuffix, type TestUser } from "./helpers/factory";
import { submitArticle } from "../lib/workflow/submit-article";

async function as(browser: Browser, user: Pick<TestUser, "email" | "password">, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, path);
  return page;
}

/** An article in review, written by `writer`. */
async function articleInReview(writer: TestUser, title: string, opts: { areaId?: string; approvals?: number } = {}) {
  const article = await e2eDb().article.create({
    data: {
      slug: `assign-e2e-${uniqueSuffix()}`,
      createdById: writer.id,
      clinicalAreaId: opts.areaId ?? null,
      requiredApprovals: opts.approvals ?? 1,
      authors: { create: [{ userId: writer.id }] },
      draft: {
        create: {
          title,
          summary: `About ${title}.`,
          bodyJson: JSON.stringify({
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text: `Text of ${title}.` }] }],
          }),
          editorIds: JSON.stringify([writer.id]),
        },
      },
    },
  });
  await submitArticle(e2eDb(), writer, { articleId: article.id, changeSummary: "First draft" });
  return article;
}

async function specialty(name: string) {
  return e2eDb().specialty.create({ data: { name: `${name} ${uniqueSuffix()}` } });
}

async function withSpecialty(reviewerId: string, specialtyId: string) {
  const credential = await e2eDb().credential.findFirstOrThrow({ where: { userId: reviewerId } });
  await e2eDb().credentialSpecialty.create({ data: { credentialId: credential.id, specialtyId } });
}

test.describe("assignments, second review and calendar", () => {
  test("an editor assigns a dermatology article to the dermatology reviewer, who sees it first in the queue", async ({
    browser,
  }) => {
    const derm = await specialty("Dermatology");
    const cardio = await specialty("Cardiology");
    const writer = await createTestUser({ roles: ["WRITER"] });
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const { user: dermReviewer } = await createReviewer();
    const { user: cardioReviewer } = await createReviewer();
    await withSpecialty(dermReviewer.id, derm.id);
    await withSpecialty(cardioReviewer.id, cardio.id);
    await articleInReview(writer, `Unassigned article ${uniqueSuffix()}`);
    const title = `Calcinosis cutis ${uniqueSuffix()}`;
    const article = await articleInReview(writer, title, { areaId: derm.id });

    const e = await as(browser, editor, `/studio/articles/${article.id}/publish`);
    const panel = e.getByTestId("assignments");
    await expect(panel).toContainText("Nobody is assigned");
    // The area's reviewer is offered first.
    const options = panel.getByRole("group", { name: /Reviewers who may be assigned/ }).getByRole("checkbox");
    await expect(options.first()).toHaveAccessibleName(new RegExp(`${dermReviewer.name}.*in this area`));
    await panel.getByRole("checkbox", { name: new RegExp(dermReviewer.name) }).check();
    await panel.getByRole("button", { name: "Assign" }).click();
    await expect(panel.getByTestId("assignment")).toContainText(dermReviewer.name);

    const r = await as(browser, dermReviewer, "/studio");
    const rows = r.getByTestId("queue-row");
    await expect(rows.first()).toContainText(title);
    await expect(rows.first()).toContainText("Assigned to you");
    // The queue says who wrote it, when it was submitted, its specialty and when the review is due.
    const stored = await e2eDb().article.findUniqueOrThrow({
      where: { id: article.id },
      select: { currentRevision: { select: { createdAt: true } }, assignments: { select: { dueAt: true } } },
    });
    await expect(rows.first().getByTestId("queue-writer")).toHaveText(writer.name);
    await expect(rows.first().getByTestId("queue-submitted")).toHaveText(
      stored.currentRevision!.createdAt.toISOString().slice(0, 10),
    );
    await expect(rows.first().getByTestId("queue-specialty")).toHaveText(derm.name);
    await expect(rows.first().getByTestId("queue-due")).toHaveText(
      stored.assignments[0].dueAt.toISOString().slice(0, 10),
    );
    await expect(r.getByTestId("review-queue").getByRole("columnheader")).toHaveText([
      "Title",
      "Writer",
      "Submitted",
      "Specialty",
      "Due",
      "Assignment",
    ]);
    // The unassigned one is still there and claimable; the inbox says it was assigned.
    await expect(r.getByTestId("review-queue")).toContainText("Unassigned article");
    await rows.filter({ hasText: "Unassigned article" }).first().getByRole("button", { name: "Claim" }).click();
    await expect(rows.filter({ hasText: "Unassigned article" }).first()).toContainText("Assigned to you");
    await expect(r.getByTestId("unread-count")).toBeVisible();
  });

  test("a second-review article is not publishable after one approval", async ({ browser }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const { user: first } = await createReviewer();
    const title = `Colchicine dosing ${uniqueSuffix()}`;
    const article = await articleInReview(writer, title, { approvals: 2 });

    const r = await as(browser, first, `/studio/articles/${article.id}/review`);
    await r.getByLabel(/I have reviewed revision 1/).check();
    await r.getByRole("button", { name: "Approve revision" }).click();
    await expect(r.getByTestId("article-status")).toHaveText("In review");

    const e = await as(browser, editor, `/studio/articles/${article.id}/publish`);
    const approval = e.getByTestId("gate").locator("li").filter({ hasText: "Medical approval" });
    await expect(approval).toContainText("needs 2 independent approvals");
    await expect(approval).toContainText("Failed");
    await expect(e.getByTestId("confirm-publish")).toHaveCount(0);
    await expect(e.getByTestId("publish-unavailable")).toBeVisible();
  });

  test("the calendar shows a scheduled publication in month and week views, by keyboard, and as an iCal feed", async ({
    browser,
  }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const title = `Scheduled article ${uniqueSuffix()}`;
    const article = await articleInReview(writer, title);
    const rev = await e2eDb().article.findUniqueOrThrow({ where: { id: article.id } });
    const at = new Date(Date.now() + 3 * 86400_000);
    at.setUTCHours(9, 30, 0, 0);
    await e2eDb().article.update({
      where: { id: article.id },
      data: { status: "APPROVED", scheduledPublishAt: at, scheduledRevisionId: rev.currentRevisionId },
    });
    const day = at.toISOString().slice(0, 10);

    const e = await as(browser, editor, `/studio/calendar?date=${day}`);
    const calendar = e.getByTestId("calendar");
    await expect(calendar.locator("caption")).toContainText("times in UTC");
    const cell = calendar.getByRole("cell").filter({ has: e.locator(`time[datetime="${day}"]`) });
    await expect(cell).toContainText(title);
    await expect(cell).toContainText("Scheduled publication");
    await e.goto(`/studio/calendar?view=week&date=${day}`);
    await expect(e.getByTestId("calendar").getByRole("link", { name: title })).toBeVisible();

    // Keyboard: the event link is reachable and opens the article.
    await e.getByTestId("calendar").getByRole("link", { name: title }).focus();
    await expect(e.getByTestId("calendar").getByRole("link", { name: title })).toBeFocused();

    // The feed link is shown once and serves iCal.
    await e.getByRole("button", { name: /Create a feed link/ }).click();
    const notice = e.getByTestId("feed-form").getByRole("status");
    await expect(notice).toContainText("/api/calendar/");
    const url = (await notice.textContent())!.match(/https?:\/\/\S+\.ics/)![0];
    const feed = await e.request.get(new URL(url).pathname);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    expect(await feed.text()).toContain(`SUMMARY:Scheduled publication: ${title}`);
  });
});
