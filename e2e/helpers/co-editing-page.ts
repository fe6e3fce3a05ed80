// The co-editing specs' steps in the editor: a shared draft for some writers, signing in to its editor, typing at
// the end of a paragraph as a person does, and reading the paragraphs as shown.
import { expect, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./db";
import { uniqueSuffix, waitForHydration, type TestUser } from "./factory";

export async function articleFor(writers: TestUser[], ...paragraphs: string[]) {
  const article = await e2eDb().article.create({
    data: {
      slug: `coedit-${uniqueSuffix()}`,
      createdById: writers[0].id,
      authors: { create: writers.map((w) => ({ userId: w.id })) },
      draft: {
        create: {
          title: `Shared draft ${uniqueSuffix()}`,
          bodyJson: JSON.stringify({
            type: "doc",
            content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
          }),
          editorIds: JSON.stringify([writers[0].id]),
        },
      },
    },
  });
  return article;
}

export async function openEditor(browser: Browser, baseURL: string, user: TestUser, articleId: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/studio/articles/${articleId}/edit`)}`);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/studio/articles/${articleId}/edit`));
  await waitForHydration(page);
  return page;
}

/** Types at the end of the body's paragraph number `index` (0-based), as a person does. */
export async function typeAtEndOf(page: Page, index: number, text: string) {
  // The click can land a line off when something above the text appears meanwhile (a notice, the presence
  // list), and the editor takes up a caret moved in the page only when it reads the browser's selectionchange:
  // a remote change rendered before that puts the editor's older caret (the start of the text) back into the
  // page. So check the editor's own selection, not the page's, before typing: the end of that paragraph.
  await expect(async () => {
    await page.getByTestId("article-body").locator("p").nth(index).click();
    await page.keyboard.press("End");
    const caret = await page.evaluate(() => {
      type Position = {
        depth: number;
        index(depth: number): number;
        parentOffset: number;
        parent: { content: { size: number } };
      };
      const body = document.getElementById("article-body") as
        (HTMLElement & { editor?: { state: { selection: { empty: boolean; $head: Position } } } }) | null;
      const selection = body?.editor?.state.selection;
      if (!selection) return null;
      const { $head, empty } = selection;
      return {
        empty,
        paragraph: $head.index(0),
        atEnd: $head.depth === 1 && $head.parentOffset === $head.parent.content.size,
      };
    });
    expect(caret).toEqual({ empty: true, paragraph: index, atEnd: true });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.type(text, { delay: 15 });
}

/** The body's paragraphs exactly as shown (no whitespace folding), without the others' caret labels. */
export const paragraphsOf = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#article-body > p")].map((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collab-caret").forEach((caret) => caret.remove());
      return copy.textContent;
    }),
  );
