// Integrity journeys from real pages: importing a page whose sources are numbered paragraphs, a reworded
// copy found with its passage, a heavily rewritten copy found as rewritten with both sides, a retracted DOI
// (recorded Crossref response from the loopback stub, see playwright.config.ts) holding the publish gate, and
// /verify matching until the database is altered by hand.
import { expect, test } from "@playwright/test";
import { addCorpusDocument } from "../lib/plagiarism/corpus";
import { CELLULITIS_REWRITTEN, CELLULITIS_SOURCE } from "../tests/fixtures/plagiarism/texts";
import { RETRACTED_DOI } from "../tests/helpers/source-stub";
import { e2eDb } from "./helpers/db";
import { createTestUser, signIn, uniqueSuffix } from "./helpers/factory";

async function articleWithRevision(
  editorId: string,
  tag: string,
  paragraphs: string[],
  references: Array<Record<string, unknown>> = [],
) {
  const db = e2eDb();
  const article = await db.article.create({ data: { slug: `integrity-${tag}`, createdById: editorId } });
  await db.articleAuthor.create({ data: { articleId: article.id, userId: editorId } });
  const body = {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  };
  const revision = await db.revision.create({
    data: {
      articleId: article.id,
      number: 1,
      title: `Integrity article ${tag}`,
      summary: "",
      bodyJson: JSON.stringify(body),
      referencesJson: JSON.stringify(references),
      contentHash: `h-${tag}`,
      authorId: editorId,
    },
  });
  await db.article.update({
    where: { id: article.id },
    data: { currentRevisionId: revision.id, status: "IN_REVIEW" },
  });
  return article;
}

test.describe("sources, rewording and verification", () => {
  test("importing a page whose sources are numbered paragraphs yields structured references", async ({ page }) => {
    const writer = await createTestUser({ roles: ["WRITER"] });
    await signIn(page, writer, "/studio/articles/import");
    const html = `<html><body><article><h1>Gout ${uniqueSuffix()}</h1>
      <p>Gout is a painful arthritis [1]. Attacks often start at night [2].</p>
      <p>[1] Dalbeth N, Merriman TR, Stamp LK. Gout. Lancet. 2016;388(10055):2039-52. doi:10.1016/S0140-6736(16)00346-9</p>
      <p>[2] Neogi T. Gout. N Engl J Med. 2011;364(5):443-52. PMID: 21288096</p>
      </article></body></html>`;
    await page.getByLabel("Paste HTML or Markdown").fill(html);
    await page.getByRole("button", { name: "Import" }).click();
    const result = page.getByTestId("import-result");
    await expect(result).toContainText("2 references");
    await result.getByRole("link", { name: "Open in the editor" }).click();
    await expect(page.getByTestId("reference-item")).toHaveCount(2);
    await expect(page.getByTestId("reference-item").filter({ hasText: "Lancet" })).toContainText("Dalbeth");
    await expect(page.getByTestId("reference-item").filter({ hasText: "N Engl J Med" })).toContainText("Neogi");
  });

  test("a reworded copy of a corpus text is reported as reworded, with its passage and the changed words", async ({
    page,
  }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const tag = `rw${uniqueSuffix()}`;
    const db = e2eDb();
    await addCorpusDocument(db, editor.id, {
      title: `Leaflet ${tag}`,
      text:
        `Calcium ${tag} salts can settle in the skin when tissue has been injured. ` +
        "The most frequent form follows damage to tissue from inflammation, infection, tumours or trauma, even though the amount of calcium and phosphate in the blood stays within the normal range. Conditions of the connective tissue are a common background for this form.",
    });
    const article = await articleWithRevision(editor.id, tag, [
      "Our own opening words about the condition come first.",
      "The most common type follows injury to tissues from inflammation, infections, tumours or trauma, although the level of calcium and phosphate in the blood remains inside the normal range. Disorders of the connective tissue are a frequent background for this type.",
    ]);
    await signIn(page, editor, `/studio/articles/${article.id}/plagiarism`);
    await page.getByRole("button", { name: "Run the checks again" }).click();
    const source = page.getByTestId("plagiarism-source").filter({ hasText: `Leaflet ${tag}` });
    await expect(source).toHaveCount(1);
    const passage = source.getByTestId("plagiarism-passage").first();
    await expect(passage.getByTestId("passage-reworded")).toBeVisible();
    await expect(passage.locator("mark").first()).toContainText("tumours or trauma");
    await expect(passage.getByTestId("changed-words").filter({ hasText: "injury" }).first()).toBeVisible();
  });

  test("a heavily rewritten copy of a corpus text is reported as rewritten, with both sides side by side", async ({
    page,
  }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const tag = `rn${uniqueSuffix()}`;
    await addCorpusDocument(e2eDb(), editor.id, { title: `Skin infections ${tag}`, text: CELLULITIS_SOURCE });
    const article = await articleWithRevision(editor.id, tag, [
      `Our clinic's own note on skin infections (${tag}).`,
      CELLULITIS_REWRITTEN,
    ]);
    await signIn(page, editor, `/studio/articles/${article.id}/plagiarism`);
    await page.getByRole("button", { name: "Run the checks again" }).click();
    const source = page.getByTestId("plagiarism-source").filter({ hasText: `Skin infections ${tag}` });
    await expect(source).toHaveCount(1);
    const passage = source.getByTestId("plagiarism-passage").first();
    await expect(passage.getByTestId("passage-rewritten")).toBeVisible();
    await expect(passage.getByText(/sentences say the same things as the source/)).toBeVisible();
    // Both sides: our rewrite and the source's sentences, each marked as the matching text, with the words that
    // have no counterpart on the other side underlined (each announced to screen readers as "no counterpart").
    const ours = passage.locator("blockquote").first();
    const theirs = passage.locator("blockquote").nth(1);
    await expect(ours.locator("mark")).toContainText("get into the");
    await expect(ours.locator("mark")).toContainText("fatty tissue");
    await expect(ours.getByTestId("changed-words").filter({ hasText: "germs" }).first()).toBeVisible();
    await expect(theirs.locator("mark")).toContainText("Cellulitis is a");
    await expect(theirs.locator("mark")).toContainText("antibiotic");
    await expect(page.getByTestId("plagiarism-similarity")).toContainText("above the");
  });

  test("a retracted DOI (recorded Crossref notice) holds the publish gate and shows on the checks page", async ({
    page,
  }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const tag = `rt${uniqueSuffix()}`;
    const article = await articleWithRevision(
      editor.id,
      tag,
      ["Some old claims [1] are no longer supported."],
      [
        {
          key: "wakefield",
          authors: "Wakefield AJ",
          title: `Retracted paper ${tag}`,
          containerTitle: "The Lancet",
          year: 1998,
          url: null,
          doi: RETRACTED_DOI,
          pmid: null,
          accessedAt: null,
          peerReviewed: true,
        },
      ],
    );
    await signIn(page, editor, `/studio/articles/${article.id}/plagiarism`);
    await page.getByRole("button", { name: "Run the checks again" }).click();
    await expect(page.getByTestId("source-retracted")).toContainText(`Retracted paper ${tag}`);
    await page.goto(`/studio/articles/${article.id}/publish`);
    const item = page.getByTestId("gate-item-sources");
    await expect(item).toHaveClass(/failed/);
    await expect(item).toContainText("retracted");
    await expect(item).toContainText("10.1016/s0140-6736(10)60175-4");
  });

  test("links that do not answer show the sources item amber, with how to fix them, not as a pass", async ({
    page,
  }) => {
    const editor = await createTestUser({ roles: ["EDITOR"] });
    const tag = `bl${uniqueSuffix()}`;
    const urls = [`https://gone.example/${tag}/trial`, `https://down.example/${tag}/guideline`];
    const reference = (key: string, title: string, url: string) => ({
      key,
      authors: "Author A",
      title,
      containerTitle: "Journal",
      year: 2020,
      url,
      doi: null,
      pmid: null,
      accessedAt: null,
      peerReviewed: true,
    });
    const article = await articleWithRevision(
      editor.id,
      tag,
      ["A claim [1] and another [2]."],
      [reference("trial", `Moved trial ${tag}`, urls[0]), reference("guideline", `Guideline ${tag}`, urls[1])],
    );
    // What the link check stores when a site answers 404 or not at all (link checks do not run in e2e).
    await e2eDb().sourceCheck.createMany({
      data: [
        { kind: "LINK", target: urls[0], status: "BROKEN", httpStatus: 404, detail: "Not found (404)." },
        { kind: "LINK", target: urls[1], status: "BROKEN", detail: "No answer within 8 s." },
      ],
    });
    await signIn(page, editor, `/studio/articles/${article.id}/publish`);
    const item = page.getByTestId("gate-item-sources");
    await expect(item).toHaveAttribute("data-state", "needs-attention");
    await expect(item.locator(".badge")).toHaveText("Needs attention");
    await expect(item).not.toContainText("Passed");
    await expect(item).toContainText("No retracted source found; 2 links do not answer.");
    await expect(item).toContainText(`“Moved trial ${tag}” (${urls[0]}: Not found (404).)`);
    await expect(item).toContainText(
      "If a page moved, put its new address or its DOI in the reference on the Edit tab",
    );
  });

  test("/verify shows a match for the live article, and a mismatch once the database is altered by hand", async ({
    page,
  }) => {
    const db = e2eDb();
    await page.goto("/verify/calcinosis-cutis");
    await expect(page.getByTestId("verify-verdict")).toContainText("Verified");
    await expect(page.getByTestId("verify-approval")).toContainText("Approval id");
    const computed = await page.getByTestId("verify-computed-hash").innerText();
    await page.goto("/articles/calcinosis-cutis");
    await expect(page.getByTestId("content-hash")).toHaveText(computed);
    const article = await db.article.findUniqueOrThrow({
      where: { slug: "calcinosis-cutis" },
      select: { liveRevisionId: true },
    });
    const revision = await db.revision.findUniqueOrThrow({ where: { id: article.liveRevisionId! } });
    // A hand edit of the served content, behind the application's back.
    await db.$executeRawUnsafe(
      `UPDATE "Revision" SET "summary" = ? WHERE "id" = ?`,
      revision.summary + " Edited by hand.",
      revision.id,
    );
    try {
      await page.goto("/verify/calcinosis-cutis");
      await expect(page.getByTestId("verify-verdict")).toContainText("Does not match");
      await expect(page.getByTestId("verify-checks")).toContainText(
        "✗ Does not match: The served content hashes to the hash recorded",
      );
    } finally {
      await db.$executeRawUnsafe(`UPDATE "Revision" SET "summary" = ? WHERE "id" = ?`, revision.summary, revision.id);
    }
    await page.goto("/verify/calcinosis-cutis");
    await expect(page.getByTestId("verify-verdict")).toContainText("Verified");
  });
});
