// Medical review and publishing, end to end in Chromium: the whole journey plus the refusals
// (own article, unverified reviewer) and a scheduled publication fired by the server's timer.
//
// The writer's text edits go through the editor's own lib function (saveDraft: the same call the editor
// page's autosave makes, which voids approvals); everything else is done in the browser.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./helpers/db";
import { createReviewer, createTestUser, signIn, uniqueSuffix, type TestUser } from "./helpers/factory";
import { makeCredential } from "../tests/helpers/factory";
import { addReviewComment } from "../lib/review/add-review-comment";
import { saveDraft } from "../lib/drafts/save-draft";
import { submitArticle } from "../lib/workflow/submit-article";
import { approveRevision } from "../lib/review/decide-review";
import { afterRevisionFrozen } from "../lib/revisions/after-freeze";
import { formatLongDate } from "../lib/public/format-date";
import { queueNotification } from "../lib/notifications/queue-notification";
import { submitFromHeader } from "./helpers/workspace";

const WORDS =
  "calcium phosphate nodule papule dermis tissue lesion biopsy imaging serum level kidney joint tendon muscle ulcer pain deposit plaque firm white chalky painful tender swelling redness itching fever fatigue stiffness inflammation infection injury trauma scar tumour varicose connective disorder lupus scleroderma dermatomyositis therapy surgery excision laser shockwave medicine diet vitamin hormone parathyroid gland bone marrow blood vessel artery vein capillary fingertip elbow knee ankle shoulder hip wrist forearm thigh calf chest abdomen scalp face neck".split(
    " ",
  );

/** Prose no other article shares (random word order), so the plagiarism check finds nothing to match. */
function prose(sentences: number): string {
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const n = 9 + Math.floor(Math.random() * 6);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(Math.random() * WORDS.length)]);
    out.push(words.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".");
  }
  return out.join(" ");
}

const paragraph = (text: string, cite = false) => ({
  type: "paragraph",
  content: [{ type: "text", text }, ...(cite ? [{ type: "citation", attrs: { refKey: "medlineplus" } }] : [])],
});
const body = (paras: string[]) => ({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Overview" }] },
    ...paras.map((p, i) => paragraph(p, i === 0)),
  ],
});

/** An article written by `writer`, with a linked reference, a summary and text that passes the content checks. */
async function seedArticle(writer: TestUser, title: string) {
  const slug = `review-e2e-${uniqueSuffix()}`;
  const paras = [prose(3), prose(3)];
  const article = await e2eDb().article.create({
    data: {
      slug,
      createdById: writer.id,
      authors: { create: [{ userId: writer.id }] },
      draft: {
        create: {
          title,
          summary: `What ${title.toLowerCase()} is and how it is treated.`,
          bodyJson: JSON.stringify(body(paras)),
          editorIds: JSON.stringify([writer.id]),
        },
      },
      references: {
        create: [
          {
            key: "medlineplus",
            title: "Calcinosis cutis",
            containerTitle: "MedlinePlus",
            year: 2024,
            url: "https://medlineplus.gov/ency/article/000000.htm",
          },
        ],
      },
    },
  });
  return { id: article.id, slug, paras };
}

/** The writer changes the text (as the editor page's autosave would). */
async function writerEdits(writer: TestUser, articleId: string, paras: string[]) {
  const draft = await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId } });
  await saveDraft(e2eDb(), writer, {
    articleId,
    baseVersion: draft.version,
    title: draft.title,
    summary: draft.summary,
    conditionName: draft.conditionName,
    body: body(paras),
  });
}

async function as(browser: Browser, user: Pick<TestUser, "email" | "password">, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user, path);
  return page;
}

const submit = submitFromHeader;

test.describe("medical review and publishing", () => {
  test("writer submits → reviewer requests changes → writer answers, fixes, resubmits → approved → published → reader sees it; a later edit stays off the live page until approved and published", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const writer = await createTestUser({ roles: ["WRITER"] });
    const { user: reviewer, credential } = await createReviewer({ postNominals: `M.D., FAAD ${uniqueSuffix()}` });
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const title = `Calcinosis journey ${uniqueSuffix()}`;
    const article = await seedArticle(writer, title);
    const reviewPath = `/studio/articles/${article.id}/review`;

    // Writer submits.
    const w = await as(browser, writer, reviewPath);
    await submit(w, "First version");

    // Reviewer comments on a paragraph and requests changes.
    const r = await as(browser, reviewer, "/studio");
    await r.getByTestId("area-reviewer").getByRole("link", { name: title }).click();
    await expect(r).toHaveURL(new RegExp(reviewPath));
    const block = r.getByTestId("review-block").nth(1);
    await block.getByText("Comment on this paragraph").click();
    await block
      .getByRole("textbox", { name: "Comment", exact: true })
      .fill("Say that deposits can reach muscle and organs.");
    await block.getByRole("button", { name: "Add comment" }).click();
    await expect(block.getByTestId("comment-thread")).toContainText("Say that deposits can reach muscle and organs.");
    // Approving needs the explicit statement ticked.
    await r.getByRole("button", { name: "Approve revision" }).click();
    await expect(
      r.getByTestId("decision-panel").getByText("Tick the statement to confirm your approval."),
    ).toBeVisible();
    await r.getByLabel("What needs to change").fill("Please cover how far the deposits can extend.");
    await r.getByRole("button", { name: "Request changes" }).click();
    await expect(r.getByTestId("article-status")).toHaveText("Changes requested");

    // Writer sees the comment, answers and resolves it, fixes the text and resubmits.
    await w.reload();
    const thread = w.getByTestId("review-block").nth(1).getByTestId("comment-thread");
    await expect(thread).toContainText("Say that deposits can reach muscle and organs.");
    await thread.getByLabel("Your answer").fill("Added a sentence on muscle and organs.");
    await thread.getByRole("button", { name: "Reply" }).click();
    await expect(thread).toContainText("Added a sentence on muscle and organs.");
    await thread.getByRole("button", { name: "Resolve" }).click();
    await expect(thread.getByText("Resolved")).toBeVisible();
    const fixed = [article.paras[0], article.paras[1] + " Deposits can extend to muscle and organs."];
    await writerEdits(writer, article.id, fixed);
    await w.reload();
    // This note may be shown to readers (ticked); the next one stays internal.
    await submit(w, "Extent of deposits", { showToReaders: true });

    // Reviewer sees the resubmitted revision, compared by default with the one they asked changes on: exactly
    // the sentence the writer added, nothing else.
    await r.reload();
    await expect(r.getByRole("heading", { name: "Revision 2 (frozen)" })).toBeVisible();
    await expect(r.getByTestId("review-block").getByText("Deposits can extend to muscle and organs.")).toBeVisible();
    await expect(r.getByTestId("diff-heading")).toHaveText(
      "Changes since revision 1 (you last reviewed it; the previous revision)",
    );
    await expect(r.getByTestId("diff-stats")).toHaveText("0 added, 0 removed, 1 changed block; 0 reference changes.");
    await expect(r.getByTestId("diff-block")).toHaveCount(1);
    await expect(r.getByTestId("diff-block").locator("ins")).toHaveText(
      /^\s*Deposits can extend to muscle and organs\.$/,
    );
    await expect(r.getByTestId("diff-block").locator("del")).toHaveCount(0);
    // Comments anchor to text, not to the heading.
    await expect(
      r
        .getByTestId("review-block")
        .first()
        .getByText(/Comment on this/),
    ).toHaveCount(0);
    await r.getByLabel(/I have reviewed revision 2/).check();
    await r.getByRole("button", { name: "Approve revision" }).click();
    await expect(r.getByTestId("article-status")).toHaveText("Approved");
    const approval = await e2eDb().review.findFirstOrThrow({
      where: { reviewerId: reviewer.id, decision: "APPROVED" },
      include: { revision: true },
    });
    expect(approval.contentHash).toBe(approval.revision.contentHash);
    expect(JSON.parse(approval.credentialSnapshot)).toMatchObject({
      credentialId: credential.id,
      postNominals: credential.postNominals,
    });

    // Editor opens the approved article and lands on Publish: the gate item by item, each with its evidence.
    const e = await as(browser, editor, "/studio");
    await e.goto(`/studio/articles/${article.id}`);
    await expect(e).toHaveURL(new RegExp(`/studio/articles/${article.id}/publish$`));
    for (const item of ["approval", "citations", "plagiarism", "feedback", "contentChecks", "images"]) {
      await expect(e.getByTestId(`gate-item-${item}`)).toContainText("Passed");
    }
    await expect(e.getByTestId("gate-item-approval")).toContainText(
      `${credential.displayName}, ${credential.postNominals}`,
    );
    await expect(
      e.getByTestId("gate-item-plagiarism").getByRole("link", { name: "See the plagiarism report" }),
    ).toHaveAttribute("href", `/studio/articles/${article.id}/plagiarism`);
    // The reference's link was never checked (link checks are off in e2e): amber, with how to check, not a pass.
    const sources = e.getByTestId("gate-item-sources");
    await expect(sources).toHaveAttribute("data-state", "not-checked");
    await expect(sources.locator(".badge")).toHaveText("Not checked yet");
    await expect(sources).not.toContainText("Passed");
    await expect(sources).toContainText("Run the checks again from the Checks tab");
    // "Publish now" first says what goes live, then publishes and says it is live, with the public page.
    await e.getByText("Publish now…").click();
    const confirm = e.getByTestId("confirm-publish");
    await expect(confirm).toContainText(`Title: ${title}`);
    await expect(confirm).toContainText("Revision 2");
    await expect(confirm).toContainText(`Medically reviewed by ${credential.displayName}, ${credential.postNominals}`);
    await expect(confirm).toContainText("First publication: nothing is live yet.");
    await confirm.getByRole("button", { name: "Publish revision 2 now" }).click();
    const notice = e.getByTestId("published-notice");
    await expect(notice).toContainText("Revision 2 is live.");
    await expect(notice.getByRole("link", { name: "Open the public page" })).toHaveAttribute(
      "href",
      `/articles/${article.slug}`,
    );
    await expect(e.getByTestId("live-badge")).toBeVisible();

    // A reader sees the reviewer, post-nominals, the dates and the history.
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`/articles/${article.slug}`);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(reader.getByTestId("medically-reviewed")).toContainText(
      `Medically reviewed by ${credential.displayName}, ${credential.postNominals}`,
    );
    const published = await e2eDb().article.findUniqueOrThrow({ where: { id: article.id } });
    await expect(reader.getByTestId("last-modified")).toContainText(formatLongDate(published.lastPublishedAt!));
    await expect(reader.getByTestId("medically-reviewed")).toContainText(formatLongDate(approval.createdAt));
    await expect(reader.getByTestId("update-history")).toContainText("Extent of deposits");
    await expect(reader.getByText("Deposits can extend to muscle and organs.")).toBeVisible();

    // The writer edits the published article: the live page stays on the approved text.
    const next = [fixed[0], fixed[1], "Treatment begins with the cause; surgery comes last."];
    await writerEdits(writer, article.id, next);
    await reader.reload();
    await expect(reader.getByText("Deposits can extend to muscle and organs.")).toBeVisible();
    await expect(reader.getByText("surgery comes last")).toHaveCount(0);
    await w.reload();
    await submit(w, "Treatment order");
    await reader.reload();
    await expect(reader.getByText("surgery comes last")).toHaveCount(0);

    // Approved and published: now readers see it, and the history lists both versions.
    await r.reload();
    await expect(r.getByTestId("diff")).toContainText("surgery comes last");
    await r.getByLabel(/I have reviewed revision 3/).check();
    // A re-review of a live page: approving asks for the evidence to be checked again, on the field itself.
    await r.getByRole("button", { name: "Approve revision" }).click();
    const approveForm = r.getByRole("form", { name: "Approve" });
    await expect(approveForm.getByText("This page is already live, so this is a re-review")).toBeVisible();
    await expect(r.getByTestId("article-status")).toHaveText("In review");
    await approveForm.getByRole("checkbox", { name: /I checked the evidence again/ }).check();
    await r.getByRole("button", { name: "Approve revision" }).click();
    await expect(r.getByTestId("article-status")).toHaveText("Approved");
    await reader.reload();
    await expect(reader.getByText("surgery comes last")).toHaveCount(0);
    await e.goto(`/studio/articles/${article.id}/publish`);
    await e.getByText("Publish now…").click();
    // A later revision: the confirmation says what changed since the live one.
    await expect(e.getByTestId("confirm-publish")).toContainText("Since the live revision 2: 1 changed block");
    await e.getByTestId("confirm-publish").getByRole("button", { name: "Publish revision 3 now" }).click();
    await expect(e.getByTestId("published-notice")).toContainText("Revision 3 is live.");
    await expect(e.getByTestId("article-status")).toHaveText("Published");
    await reader.reload();
    await expect(reader.getByText("Treatment begins with the cause; surgery comes last.")).toBeVisible();
    await expect(reader.getByTestId("update-history").locator("li")).toHaveCount(2);
    // "Treatment order" was a note for the reviewer only: readers see a neutral entry.
    await expect(reader.getByTestId("update-history").locator("li").first()).toContainText("Updated.");
    await expect(reader.getByTestId("update-history")).not.toContainText("Treatment order");

    // The writer was told at each step.
    await w.goto("/studio/inbox");
    await expect(w.getByTestId("inbox")).toContainText("Changes requested");
    await expect(w.getByTestId("inbox")).toContainText("Published");
    // The navigation counts what is unread, and the count goes once all is read.
    const unread = await w.getByTestId("inbox-item").and(w.locator(".unread")).count();
    await expect(w.getByTestId("unread-count")).toHaveText(String(unread));
    await w.getByRole("button", { name: "Mark all as read" }).click();
    await expect(w.getByTestId("unread-count")).toHaveCount(0);
  });

  test("what a writer types in the editor and then at once in “What changed” on the Review tab is what is submitted, ten times over", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const writer = await createTestUser({ roles: ["WRITER"] });
    const article = await seedArticle(writer, `Typed at once ${uniqueSuffix()}`);
    const page = await as(browser, writer, `/studio/articles/${article.id}/edit`);
    const tabs = page.getByRole("navigation", { name: "Article" });
    // The workspace header's form (the editor's checkpoint box has a "What changed?" field of its own).
    const changeSummary = page.getByTestId("submit-form").getByRole("textbox", { name: "What changed" });
    for (let i = 1; i <= 10; i++) {
      // The writer adds a sentence and follows the Review tab before autosave's pause has passed.
      await page.getByTestId("article-body").locator("p").last().click();
      await page.keyboard.press("Control+End");
      const sentence = ` Added in round ${i}.`;
      await page.keyboard.type(sentence);
      await tabs.getByRole("link", { name: "Review", exact: true }).click();
      await expect(page).toHaveURL(/\/review$/);
      // There is something to submit only if that sentence reached the server.
      await expect(page.getByTestId("submit-details"), `the sentence of round ${i} was saved`).toBeVisible();
      // …and types the summary as soon as its field is there, then submits.
      await page.getByTestId("submit-details").locator("summary").click();
      const summary = `Round ${i}: one more sentence`;
      await changeSummary.pressSequentially(summary);
      await page.getByTestId("submit-form").getByRole("button", { name: "Submit for review" }).click();
      await expect(page.getByTestId("article-status")).toHaveText("In review", { timeout: 30_000 });
      const revision = await e2eDb().revision.findFirstOrThrow({
        where: { articleId: article.id },
        orderBy: { number: "desc" },
      });
      expect(revision.number).toBe(i);
      expect(revision.changeSummary).toBe(summary);
      expect(revision.bodyJson).toContain(sentence.trim());
      // Back to writing: withdraw, then the Edit tab.
      await page.getByRole("button", { name: "Withdraw from review" }).click();
      await expect(page.getByTestId("article-status")).toHaveText("Draft");
      await tabs.getByRole("link", { name: "Edit", exact: true }).click();
      await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
    }
  });

  test("Submit is in the header of the Edit tab: it sends the text as typed, and after changes are requested the header says why Resubmit waits", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const writer = await createTestUser({ roles: ["WRITER"] });
    const { user: reviewer } = await createReviewer({ postNominals: `M.D. ${uniqueSuffix()}` });
    const article = await seedArticle(writer, `Header submit ${uniqueSuffix()}`);
    const page = await as(browser, writer, `/studio/articles/${article.id}/edit`);
    await expect(page.getByTestId("workspace-header")).toContainText("With the writer");
    // Typed and submitted at once from the Edit tab: the header has the editor store the sentence first.
    await page.getByTestId("article-body").locator("p").last().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Typed just before submitting.");
    await submitFromHeader(page, "First version");
    const first = await e2eDb().revision.findFirstOrThrow({ where: { articleId: article.id } });
    expect(first.bodyJson).toContain("Typed just before submitting.");
    expect(first.changeSummaryPublic).toBe(false);
    await expect(page.getByTestId("article-holder")).toHaveText(/With the reviewers/);

    const r = await as(browser, reviewer, `/studio/articles/${article.id}/review`);
    await expect(r.getByTestId("primary-action")).toHaveAttribute("data-kind", "decide");
    await r.getByLabel("What needs to change").fill("Please qualify the prevalence figure.");
    await r.getByRole("button", { name: "Request changes" }).click();
    await expect(r.getByTestId("article-status")).toHaveText("Changes requested");

    // Back with the writer: Resubmit is shown but waits for a change, and says so.
    await page.reload();
    await expect(page.getByTestId("primary-unavailable")).toHaveText("Resubmit");
    await expect(page.getByTestId("primary-needs")).toHaveText(
      "Change the text to resubmit: the reviewer asked for changes.",
    );
    await page.getByTestId("article-body").locator("p").last().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Qualified.");
    // The header follows the saved text: Resubmit opens its form.
    await expect(page.getByTestId("submit-details")).toContainText("Resubmit");
    await submitFromHeader(page, "Qualified the prevalence figure", { showToReaders: true });
    const second = await e2eDb().revision.findFirstOrThrow({ where: { articleId: article.id, number: 2 } });
    expect(second).toMatchObject({ changeSummary: "Qualified the prevalence figure", changeSummaryPublic: true });
  });

  test("a reviewer cannot approve an article they wrote", async ({ browser }) => {
    const both = await createTestUser({ roles: ["WRITER", "REVIEWER"] });
    await makeCredential(e2eDb(), { userId: both.id, displayName: both.name, postNominals: "M.D." });
    const article = await seedArticle(both, `Own article ${uniqueSuffix()}`);
    const page = await as(browser, both, `/studio/articles/${article.id}/review`);
    await submit(page, "First version");
    await expect(page.getByTestId("decision-refused")).toHaveText(
      "You wrote or edited this article (in this or an earlier review cycle), so someone else must review it.",
    );
    await expect(page.getByRole("button", { name: "Approve revision" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Request changes" })).toHaveCount(0);
  });

  test("only the comment's author, the article's writers and editors see Resolve; other reviewers may reply", async ({
    browser,
  }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const { user: commenter } = await createReviewer();
    const { user: otherReviewer } = await createReviewer();
    const article = await seedArticle(writer, `Resolve rights ${uniqueSuffix()}`);
    const submitted = await submitArticle(e2eDb(), writer, { articleId: article.id, changeSummary: "First version" });
    await addReviewComment(e2eDb(), commenter, {
      articleId: article.id,
      revisionId: submitted.revisionId,
      blockIndex: 1,
      body: "Please add a source for this paragraph.",
    });
    const path = `/studio/articles/${article.id}/review`;
    const threadOf = (page: Page) => page.getByTestId("review-block").nth(1).getByTestId("comment-thread");

    const other = await as(browser, otherReviewer, path);
    await expect(threadOf(other)).toContainText("Please add a source for this paragraph.");
    await expect(threadOf(other).getByRole("button", { name: "Reply" })).toBeVisible();
    await expect(threadOf(other).getByRole("button", { name: "Resolve" })).toHaveCount(0);

    for (const user of [commenter, writer]) {
      const page = await as(browser, user, path);
      await expect(threadOf(page).getByRole("button", { name: "Resolve" })).toBeVisible();
      await page.context().close();
    }
  });

  test("a reviewer whose credential is not verified cannot approve", async ({ browser }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const { user: pending } = await createReviewer({ credentialStatus: "PENDING" });
    const article = await seedArticle(writer, `Unverified ${uniqueSuffix()}`);
    await submitArticle(e2eDb(), writer, { articleId: article.id, changeSummary: "First version" });
    const page = await as(browser, pending, `/studio/articles/${article.id}/review`);
    await expect(page.getByTestId("decision-panel")).toContainText("Awaiting verification by an admin");
    await expect(page.getByTestId("decision-refused")).toContainText(
      "You need a verified, unexpired credential to sign off.",
    );
    await expect(page.getByRole("button", { name: "Approve revision" })).toHaveCount(0);
    expect((await e2eDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("IN_REVIEW");
  });

  test("a reviewer enters a credential; an admin rejects it with a reason, then verifies the corrected one; the audit log shows both", async ({
    browser,
  }) => {
    const reviewer = await createTestUser({ roles: ["REVIEWER"] });
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const r = await as(browser, reviewer, "/studio/credential");
    await expect(r.getByTestId("credential-standing")).toHaveText("No credential on file");
    await r.getByLabel("Post-nominals").fill("M.D.");
    await r.getByLabel("Specialty").fill("Dermatology");
    await r.getByLabel("Licence or registration number").fill("GMC 7654321");
    await r.getByLabel("Issuing body").fill("General Medical Council");
    await r.getByLabel("Jurisdiction").fill("United Kingdom");
    await r.getByRole("button", { name: "Save and send for verification" }).click();
    // Field-by-field error, and what was typed stays.
    await expect(
      r.getByText("Expiry date is required.").or(r.getByText("Enter the expiry date as YYYY-MM-DD.")),
    ).toBeVisible();
    await expect(r.getByLabel("Specialty")).toHaveValue("Dermatology");
    await r.getByLabel("Expiry date").fill(new Date(Date.now() + 400 * 86400_000).toISOString().slice(0, 10));
    await r.getByRole("button", { name: "Save and send for verification" }).click();
    await expect(r.getByTestId("credential-standing")).toHaveText("Awaiting verification by an admin");

    const a = await as(browser, admin, "/studio/admin/credentials");
    const card = a.getByTestId(`credential-${reviewer.email}`);
    await card.getByLabel("Reason (sent to the reviewer)").fill("The registration number is not in the register.");
    await card.getByRole("button", { name: "Reject" }).click();
    await expect(card).toHaveCount(0);

    await r.reload();
    await expect(r.getByTestId("credential-standing")).toHaveText("Rejected by an admin");
    await expect(r.getByText("Reason: The registration number is not in the register.")).toBeVisible();
    await r.getByLabel("Licence or registration number").fill("GMC 7654322");
    await r.getByRole("button", { name: "Save and send for verification" }).click();
    await expect(r.getByTestId("credential-standing")).toHaveText("Awaiting verification by an admin");

    await a.reload();
    await a.getByTestId(`credential-${reviewer.email}`).getByRole("button", { name: "Verify" }).click();
    await expect(a.getByTestId(`credential-${reviewer.email}`)).toHaveCount(0);
    await r.reload();
    await expect(r.getByTestId("credential-standing")).toHaveText("Verified and current");
    await r.goto("/studio/inbox");
    await expect(r.getByTestId("inbox")).toContainText("Your credential was verified");

    await a.goto(`/studio/admin/audit?action=credential&actor=${encodeURIComponent(admin.email)}`);
    await expect(a.getByTestId("audit-table").locator("tbody tr")).toHaveCount(2);
    // Readable names and details (lib/audit/action-labels.ts), not the stored ones.
    await expect(a.getByTestId("audit-table")).toContainText("Credential rejected");
    await expect(a.getByTestId("audit-table")).toContainText("Credential verified");
    await expect(a.getByTestId("audit-table")).not.toContainText("credential.rejected");
    // The entity by name (its id beneath), not only by id.
    await expect(a.getByTestId("audit-entity")).toHaveText([
      `${reviewer.name}’s credential`,
      `${reviewer.name}’s credential`,
    ]);
  });

  test("an admin changes the policies (field errors keep the input; the change is audited) and reads the mail outbox", async ({
    browser,
  }) => {
    const admin = await createTestUser({ roles: ["ADMIN"] });
    const a = await as(browser, admin, "/studio/admin/settings");
    const threshold = a.getByLabel("Plagiarism threshold (%)");
    const interval = a.getByLabel("Medical re-review interval (months)");
    const before = { threshold: await threshold.inputValue(), interval: await interval.inputValue() };
    await interval.fill("0");
    await a.getByRole("button", { name: "Save policies" }).click();
    await expect(a.getByText("The interval must be at least 1 month.")).toBeVisible();
    await expect(interval).toHaveValue("0");
    await interval.fill(before.interval === "9" ? "10" : "9");
    await a.getByRole("button", { name: "Save policies" }).click();
    await expect(a.getByText("Saved. The change is recorded in the audit log.")).toBeVisible();
    await a.goto(`/studio/admin/audit?action=settings.updated&actor=${encodeURIComponent(admin.email)}`);
    await expect(a.getByTestId("audit-table")).toContainText(
      `review interval months: ${before.interval} → ${before.interval === "9" ? "10" : "9"}`,
    );
    // Put the policy back: other tests rely on the defaults.
    await a.goto("/studio/admin/settings");
    await a.getByLabel("Medical re-review interval (months)").fill(before.interval);
    await a.getByRole("button", { name: "Save policies" }).click();
    await expect(a.getByText("Saved. The change is recorded in the audit log.")).toBeVisible();

    // Something to read, whatever ran before: a notification to the admin queues an e-mail.
    await e2eDb().$transaction((tx) =>
      queueNotification(tx, { userId: admin.id, kind: "PUBLISHED", title: `Outbox check ${admin.name}` }),
    );
    await a.goto("/studio/admin/outbox");
    await expect(a.getByText("No SMTP server is configured")).toBeVisible();
    await expect(a.getByTestId("outbox")).toContainText(`[Imprimatur] Outbox check ${admin.name}`);
    await expect(a.getByTestId("outbox")).toContainText(admin.email);
  });

  test.describe("scheduling", () => {
    test.use({ timezoneId: "UTC" });
    test("a scheduled publication goes live at its time without anyone visiting the studio", async ({ browser }) => {
      test.setTimeout(90_000);
      const writer = await createTestUser({ roles: ["WRITER"] });
      const { user: reviewer } = await createReviewer();
      const editor = await createTestUser({ roles: ["EDITOR"] });
      const title = `Scheduled ${uniqueSuffix()}`;
      const article = await seedArticle(writer, title);
      const submitted = await submitArticle(e2eDb(), writer, {
        articleId: article.id,
        changeSummary: "First version",
      });
      await afterRevisionFrozen(e2eDb(), submitted.revisionId);
      const rev = await e2eDb().revision.findUniqueOrThrow({ where: { id: submitted.revisionId } });
      await approveRevision(e2eDb(), reviewer, {
        articleId: article.id,
        revisionId: rev.id,
        contentHash: rev.contentHash,
        attest: true,
      });

      const page = await as(browser, editor, `/studio/articles/${article.id}/publish`);
      const when = new Date(Date.now() + 10_000);
      await page.getByLabel("Publish at (your local time)").fill(when.toISOString().slice(0, 19));
      await page.getByRole("button", { name: "Schedule" }).click();
      await expect(page.getByTestId("schedule-info")).toContainText(when.toISOString().slice(0, 16).replace("T", " "));
      await page.context().close();

      const reader = await (await browser.newContext()).newPage();
      expect((await reader.goto(`/articles/${article.slug}`))?.status()).toBe(404);
      // The server's timer (every 10 s) publishes it; readers' requests do not trigger anything.
      await expect
        .poll(async () => (await reader.goto(`/articles/${article.slug}`))?.status(), {
          timeout: 45_000,
          intervals: [2_000],
        })
        .toBe(200);
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
      const a = await e2eDb().article.findUniqueOrThrow({ where: { id: article.id } });
      // The form takes whole seconds: the schedule is `when` without its milliseconds.
      expect(a.lastPublishedAt!.getTime()).toBeGreaterThanOrEqual(Math.floor(when.getTime() / 1000) * 1000);
      expect(a.scheduledPublishAt).toBeNull();
      expect(
        await e2eDb().auditEvent.count({
          where: { entityId: article.id, action: "article.published", dataJson: { contains: '"via":"schedule"' } },
        }),
      ).toBe(1);
    });
  });
});
