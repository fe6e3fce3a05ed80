// The writer's editor, end to end: template, typing, references and citations, autosave and reload,
// conflicting edits from two browsers, offline edits, revisions and restore, import, forged requests.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestUser, signIn, type TestUser } from "./helpers/factory";
import { e2eDb } from "./helpers/db";
import { createArticle } from "../lib/articles/create-article";
import { MAX_BODY_BYTES, parseDocument } from "../lib/content/document-schema";

async function newArticle(user: TestUser, title: string, body?: unknown) {
  return createArticle(e2eDb(), user, { title, template: "condition" }, body ? { body: parseDocument(body) } : {});
}

const body = (page: Page) => page.getByTestId("article-body");
const saveState = (page: Page) => page.getByTestId("save-state");

async function addReference(
  page: Page,
  fields: { title: string; authors?: string; url?: string; doi?: string; year?: string },
) {
  await page.getByRole("button", { name: "Add reference" }).click();
  const form = page.getByRole("form", { name: "New reference" });
  await form.getByLabel("Title").fill(fields.title);
  if (fields.authors) await form.getByLabel("Authors").fill(fields.authors);
  if (fields.year) await form.getByLabel("Year").fill(fields.year);
  if (fields.url) await form.getByLabel("URL").fill(fields.url);
  if (fields.doi) await form.getByLabel("DOI", { exact: true }).fill(fields.doi);
  await form.getByRole("button", { name: "Add reference" }).click();
  await expect(page.getByTestId("reference-item").filter({ hasText: fields.title })).toBeVisible();
}

test.describe("writer's editor", () => {
  test("create from the template, type, add and cite two references, autosave, reload and find everything", async ({
    page,
  }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await signIn(page, writer);
    await page.getByRole("link", { name: "New article" }).click();
    await page.getByLabel("Title").fill("Calcinosis cutis: an overview");
    await page.getByLabel("Condition name").fill("Calcinosis cutis");
    await page.getByRole("button", { name: "Create article" }).click();
    await expect(page).toHaveURL(/\/studio\/articles\/[^/]+\/edit$/);

    // The condition template's sections are there.
    for (const section of ["What is it?", "Types", "Causes", "Symptoms", "Diagnosis", "Treatment", "Outlook"]) {
      await expect(body(page).getByRole("heading", { name: section, exact: true })).toBeVisible();
    }
    await expect(page.getByLabel("Address")).toHaveValue("calcinosis-cutis-an-overview");

    // A reference with a bad URL is refused field by field, and what was typed stays.
    await page.getByRole("button", { name: "Add reference" }).click();
    const form = page.getByRole("form", { name: "New reference" });
    await form.getByLabel("Title").fill("Calcinosis");
    await form.getByLabel("URL").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Add reference" }).click();
    await expect(form.getByText("Use a full http:// or https:// address.")).toBeVisible();
    await expect(form.getByLabel("Title")).toHaveValue("Calcinosis");
    await form.getByRole("button", { name: "Cancel" }).click();

    await addReference(page, {
      title: "Calcinosis cutis (MedlinePlus)",
      authors: "MedlinePlus",
      url: "https://medlineplus.gov/ency/article/000477.htm",
    });
    await addReference(page, {
      title: "Calcinosis cutis: a comprehensive review",
      authors: "Smith J, Doe A",
      year: "2021",
      doi: "10.3390/jcm10051012",
    });

    // Type under "What is it?" and cite the second reference first: numbers follow first use.
    await body(page).locator("p").first().click();
    await page.keyboard.type("Calcium deposits form in the skin.");
    await page.getByRole("button", { name: /Cite “Calcinosis cutis: a comprehensive review”/ }).click();
    await page.keyboard.type(" It is rare.");
    await page.getByRole("button", { name: /Cite “Calcinosis cutis \(MedlinePlus\)”/ }).click();
    await expect(body(page).locator("sup.citation")).toHaveCount(2);
    await expect(body(page).locator("sup.citation").nth(0)).toHaveAttribute("data-n", "1");
    await expect(body(page).locator("sup.citation").nth(1)).toHaveAttribute("data-n", "2");
    await expect(page.getByTestId("reference-item").first()).toContainText("[1]");
    await expect(page.getByTestId("reference-item").first()).toContainText("comprehensive review");

    await page.getByLabel("Summary").fill("Calcium deposits in the skin: causes, symptoms and treatment.");
    await expect(saveState(page)).toHaveText(/Saved at \d\d:\d\d/);
    await expect(page.getByTestId("word-count")).toContainText("words");
    // The content checks run beside the text (components/checks); an empty template section is reported.
    await expect(page.getByTestId("content-check-panel")).toContainText("blocking");

    await page.reload();
    await expect(body(page)).toContainText("Calcium deposits form in the skin.");
    await expect(body(page)).toContainText("It is rare.");
    await expect(body(page).locator("sup.citation")).toHaveCount(2);
    await expect(page.getByLabel("Summary")).toHaveValue(
      "Calcium deposits in the skin: causes, symptoms and treatment.",
    );
    await expect(page.getByTestId("reference-item")).toHaveCount(2);

    // The preview renders through the readers' renderer with the same numbers.
    await page.getByRole("link", { name: "Preview" }).click();
    const preview = page.getByTestId("preview");
    await expect(preview.locator("sup.citation a").first()).toHaveText("1");
    await expect(preview.locator("#ref-1")).toContainText("comprehensive review");
    await expect(preview.locator("#ref-1 a[href='https://doi.org/10.3390/jcm10051012']")).toBeVisible();
    await expect(preview.locator("#ref-2")).toContainText("MedlinePlus");

    // Deleting a cited reference asks first and says where it is cited.
    await page.goto(page.url().replace(/preview$/, "edit"));
    const deleteStep = page.getByRole("group", { name: /Delete “Calcinosis cutis \(MedlinePlus\)”/ });
    await page
      .getByLabel(/Delete “Calcinosis cutis \(MedlinePlus\)”/)
      .first()
      .click();
    await deleteStep.getByRole("button", { name: "Delete the source" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("cited 1 time");
    await expect(page.getByTestId("cited-in")).toContainText("Calcium deposits form in the skin.");
    await page.getByRole("button", { name: "Keep it" }).click();
    await expect(page.getByTestId("reference-item")).toHaveCount(2);
  });

  test("two browsers edit the same draft: the stale save shows both versions side by side and nothing is lost", async ({
    browser,
  }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const editorUser = await createTestUser({ roles: ["EDITOR"], name: `Copy Editor ${Date.now()}` });
    const article = await newArticle(writer, "Gout overview");
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await signIn(a, writer);
    await signIn(b, editorUser);
    await a.goto(`/studio/articles/${article.id}/edit`);
    await b.goto(`/studio/articles/${article.id}/edit`);

    await body(a).locator("p").first().click();
    await a.keyboard.type("Text typed by the writer.");
    await expect(saveState(a)).toHaveText(/Saved at/);

    await body(b).locator("p").first().click();
    await b.keyboard.type("Text typed by the copy editor.");
    const conflict = b.getByTestId("conflict-view");
    await expect(conflict).toBeVisible();
    await expect(saveState(b)).toHaveText("Not saved — this draft was changed elsewhere");
    await expect(b.getByTestId("conflict-mine")).toContainText("Text typed by the copy editor.");
    await expect(b.getByTestId("conflict-theirs")).toContainText("Text typed by the writer.");
    await expect(b.getByTestId("conflict-theirs")).toContainText(writer.name);

    // The copy editor takes the saved version; their own text stays available to copy from.
    await b.getByRole("button", { name: "Use the saved version" }).click();
    await expect(conflict).toHaveCount(0);
    await expect(body(b)).toContainText("Text typed by the writer.");
    await b.getByTestId("discarded-version").locator("summary").click();
    await expect(b.getByTestId("discarded-version")).toContainText("Text typed by the copy editor.");

    // Typing again now saves normally on top of the writer's version.
    await body(b).locator("p").first().click();
    await b.keyboard.press("End");
    await b.keyboard.type(" Edited.");
    await expect(saveState(b)).toHaveText(/Saved at/);
    const draft = await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(draft.bodyJson).toContain("Text typed by the writer. Edited.");
    await a.context().close();
    await b.context().close();
  });

  test("offline edits are kept in the browser and sent when the network returns", async ({ page, context }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const article = await newArticle(writer, "Eczema overview");
    await signIn(page, writer);
    await page.goto(`/studio/articles/${article.id}/edit`);
    await expect(body(page)).toBeVisible();
    await context.setOffline(true);
    await body(page).locator("p").first().click();
    await page.keyboard.type("Written on the train.");
    await expect(saveState(page)).toContainText("Offline");
    await expect
      .poll(() => page.evaluate((id) => localStorage.getItem(`imprimatur:draft:${id}`), article.id))
      .toContain("Written on the train.");
    await context.setOffline(false);
    await expect(saveState(page)).toHaveText(/Saved at/);
    expect((await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId: article.id } })).bodyJson).toContain(
      "Written on the train.",
    );
  });

  test("save revisions, compare them, and restore an old one as the working draft", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const article = await newArticle(writer, "Psoriasis overview");
    await signIn(page, writer);
    await page.goto(`/studio/articles/${article.id}/edit`);
    await body(page).locator("p").first().click();
    await page.keyboard.type("First wording.");
    await expect(saveState(page)).toHaveText(/Saved at/);
    // A checkpoint is folded away under the text, and says it is not a submission.
    await page.getByText("Keep a checkpoint of this text").click();
    await expect(page.getByTestId("checkpoint-box")).toContainText("It is not sent to a reviewer");
    await page.getByLabel("What changed?").fill("First draft");
    await page.getByRole("button", { name: "Save checkpoint" }).click();
    await expect(page.getByTestId("revision-message")).toHaveText("Saved as checkpoint revision 1.");

    await body(page).locator("p").first().click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Second wording added.");
    await expect(saveState(page)).toHaveText(/Saved at/);
    await page.getByLabel("What changed?").fill("More detail");
    await page.getByRole("button", { name: "Save checkpoint" }).click();
    await expect(page.getByTestId("revision-message")).toHaveText("Saved as checkpoint revision 2.");

    await page.getByRole("link", { name: "History and restore" }).click();
    await expect(page.getByTestId("revision-row")).toHaveCount(2);
    await expect(page.getByTestId("revision-history")).toContainText("More detail");
    await expect(page.getByTestId("revision-history")).toContainText(writer.name);

    // Diff revision 1 → revision 2: the added words are marked.
    await page.getByLabel("Compare from revision 1").check();
    await page.getByLabel("Compare to revision 2").check();
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { name: "Changes from revision 1 to revision 2" })).toBeVisible();
    await expect(page.getByTestId("diff-blocks").locator("ins")).toContainText("Second wording added.");

    await page.goBack();
    await page.getByRole("button", { name: "Restore revision 1 as the working draft" }).click();
    await expect(page).toHaveURL(/\/edit\?restored=1$/);
    await expect(page.getByTestId("restored-notice")).toBeVisible();
    await expect(body(page)).toContainText("First wording.");
    await expect(body(page)).not.toContainText("Second wording added.");
  });

  test("an imported HTML article keeps its headings, lists and references", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await signIn(page, writer);
    await page.goto("/studio/articles/import");
    const html = readFileSync(path.join(__dirname, "../tests/fixtures/publisher-article.html"), "utf8");
    await page.getByLabel("Paste HTML or Markdown").fill(html);
    await page.getByRole("button", { name: "Import" }).click();
    const result = page.getByTestId("import-result");
    await expect(result).toContainText("2 references");
    await expect(result).toContainText("Images are not imported");
    await result.getByRole("link", { name: "Open in the editor" }).click();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(
      "Calcinosis Cutis: Causes, Symptoms, Treatment",
    );
    await expect(body(page).getByRole("heading", { name: "What is it?" })).toBeVisible();
    await expect(body(page).getByRole("heading", { name: "Symptoms" })).toBeVisible();
    await expect(body(page).locator("ul > li")).toHaveCount(5); // 3 types + 2 nested
    await expect(body(page).locator("ol > li")).toHaveCount(2);
    await expect(body(page).locator("a[href='https://medlineplus.gov/ency/article/000477.htm']")).toBeVisible();
    await expect(body(page)).not.toContainText("alert");
    await expect(page.getByTestId("reference-item")).toHaveCount(2);
    await expect(page.getByTestId("reference-item").filter({ hasText: "comprehensive review" })).toContainText(
      "J Clin Med",
    );
    await expect(body(page).locator("sup.citation")).toHaveCount(3);
  });

  test("keyboard: formatting shortcuts, the toolbar's arrow keys and the citation shortcut", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const article = await newArticle(writer, "Vitiligo overview");
    await signIn(page, writer);
    await page.goto(`/studio/articles/${article.id}/edit`);
    await addReference(page, { title: "Vitiligo review", url: "https://example.org/vitiligo" });
    await body(page).locator("p").first().click();
    await page.keyboard.press("Control+b");
    await page.keyboard.type("Loss of pigment");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(" in patches");
    await expect(body(page).locator("strong")).toHaveText("Loss of pigment");
    // The shortcut opens the Cite picker with its search box focused; Enter cites the chosen source at the caret.
    await page.keyboard.press("Control+Alt+r");
    const picker = page.getByRole("dialog", { name: "Cite a source" });
    await expect(picker.getByRole("combobox", { name: "Search this article’s sources" })).toBeFocused();
    await page.keyboard.type("vitil");
    await expect(picker.getByRole("option", { name: /Vitiligo review/ })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(picker).toBeHidden();
    await expect(body(page).locator("sup.citation")).toHaveAttribute("data-n", "1");
    // Citing gives the text back its focus on the next animation frame (Tiptap's focus command): wait for it,
    // or it can take the focus from the toolbar below and the arrow keys move the caret instead.
    await expect(body(page)).toBeFocused();

    const toolbar = page.getByRole("toolbar", { name: "Formatting" });
    const bold = toolbar.getByRole("button", { name: /^Bold/ });
    await bold.focus();
    await expect(bold).toBeFocused();
    // The roving tab stop follows the focus (onFocus → state → tabindex): the arrow keys count from there.
    await expect(bold).toHaveAttribute("tabindex", "0");
    await expect(bold).toHaveAttribute("aria-pressed", "false");
    await page.keyboard.press("ArrowRight");
    await expect(toolbar.getByRole("button", { name: /^Italic/ })).toBeFocused();
    await page.keyboard.press("End");
    await expect(toolbar.getByRole("button", { name: /^Redo/ })).toBeFocused();
    await expect(toolbar.locator("button[tabindex='0']")).toHaveCount(1);
    await expect(saveState(page)).toHaveText(/Saved at \d\d:\d\d$/);
  });

  test("pasted HTML is cleaned: no scripts, styles, frames, event handlers or script links reach the draft", async ({
    page,
  }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const article = await newArticle(writer, "Rosacea overview");
    await signIn(page, writer);
    await page.goto(`/studio/articles/${article.id}/edit`);
    await body(page).locator("p").first().click();
    await page.evaluate(() => {
      const html =
        '<style>p{color:red}</style><script>window.__pwned=1</script><p onclick="window.__pwned=2">Pasted <b>bold</b> text ' +
        '<a href="javascript:window.__pwned=3">bad link</a> and <a href="https://example.org/ok">good link</a></p>' +
        '<iframe src="https://evil.example/"></iframe><img src=x onerror="window.__pwned=4"><h1>Big heading</h1>';
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "Pasted bold text");
      document
        .querySelector('[data-testid="article-body"]')!
        .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(body(page)).toContainText("Pasted bold text");
    await expect(body(page).locator("strong")).toHaveText("bold");
    await expect(body(page).locator("a[href='https://example.org/ok']")).toHaveText("good link");
    await expect(saveState(page)).toHaveText(/Saved at/);
    const stored = (await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId: article.id } })).bodyJson;
    for (const bad of ["javascript", "onclick", "onerror", "iframe", "script", "color:red", "evil.example"])
      expect(stored).not.toContain(bad);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("forged saves are refused with a clear 4xx and the stored draft is untouched; reviewers only read", async ({
    page,
  }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    const article = await newArticle(writer, "Acne overview");
    await signIn(page, writer);
    const before = await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    const put = (data: unknown) => page.request.put(`/api/studio/articles/${article.id}/draft`, { data });
    const base = { baseVersion: 1, title: "Forged", summary: "", conditionName: "" };

    const unknownNode = await put({
      ...base,
      body: { type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] },
    });
    expect(unknownNode.status()).toBe(400);
    expect((await unknownNode.json()).error.message).toContain('"iframe"');

    const scriptUrl = await put({
      ...base,
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
          },
        ],
      },
    });
    expect(scriptUrl.status()).toBe(400);
    expect((await scriptUrl.json()).error.message).toMatch(/http/);

    const huge = await put({
      ...base,
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "a".repeat(MAX_BODY_BYTES + 1000) }] }],
      },
    });
    expect(huge.status()).toBe(413);

    const after = await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(after).toEqual(before);

    const reviewer = await createTestUser({ roles: ["REVIEWER"] });
    const other = await page.context().browser()!.newContext();
    const rp = await other.newPage();
    await signIn(rp, reviewer);
    const refused = await rp.request.put(`/api/studio/articles/${article.id}/draft`, {
      data: { ...base, body: { type: "doc", content: [] } },
    });
    expect(refused.status()).toBe(403);
    await rp.goto(`/studio/articles/${article.id}`);
    await expect(rp).toHaveURL(/\/preview$/);
    await rp.goto(`/studio/articles/${article.id}/edit`);
    await expect(rp.getByTestId("read-only")).toBeVisible();
    await expect(rp.getByTestId("article-body")).toHaveCount(0);
    await rp.getByRole("link", { name: "Read the preview" }).click();
    await expect(rp.getByTestId("preview")).toContainText("What is it?");
    await other.close();
  });
});
