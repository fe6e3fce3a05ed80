// Images, end to end in Chromium: a writer uploads a photograph in the editor, gives its alt text, licence
// and the patient's consent, and places it; the reviewer sees it in the review screen and approves;
// replacing the file voids that approval; after a second approval the editor publishes, and the reader's
// page serves AVIF to Chromium with width and height set, from immutable, content-hashed URLs.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./helpers/db";
import { E2E_MEDIA_DIR } from "./helpers/env";
import { createReviewer, createTestUser, signIn, uniqueSuffix, type TestUser } from "./helpers/factory";
import { bombPng } from "../tests/helpers/image-fixtures";
import { submitFromHeader } from "./helpers/workspace";

const WORDS =
  "calcium phosphate nodule papule dermis tissue lesion biopsy imaging serum level kidney joint tendon muscle ulcer pain deposit plaque firm white chalky tender swelling redness itching fatigue stiffness inflammation infection injury scar tumour varicose lupus scleroderma therapy surgery excision laser medicine diet vitamin hormone parathyroid gland bone marrow vessel artery vein fingertip elbow knee ankle shoulder wrist forearm".split(
    " ",
  );
const prose = (n: number) =>
  Array.from({ length: n }, () =>
    Array.from({ length: 11 }, () => WORDS[Math.floor(Math.random() * WORDS.length)])
      .join(" ")
      .replace(/^./, (c) => c.toUpperCase()),
  ).join(". ") + ".";

async function seedArticle(writer: TestUser, title: string) {
  const slug = `media-e2e-${uniqueSuffix()}`;
  const article = await e2eDb().article.create({
    data: {
      slug,
      createdById: writer.id,
      authors: { create: [{ userId: writer.id }] },
      draft: {
        create: {
          title,
          summary: `What ${title.toLowerCase()} looks like.`,
          bodyJson: JSON.stringify({
            type: "doc",
            content: [
              { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Overview" }] },
              {
                type: "paragraph",
                content: [
                  { type: "text", text: prose(3) },
                  { type: "citation", attrs: { refKey: "medlineplus" } },
                ],
              },
              { type: "paragraph", content: [{ type: "text", text: prose(3) }] },
            ],
          }),
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
  return { id: article.id, slug };
}

/** A photograph-like JPEG (gradient and shapes) with GPS data in its EXIF. */
async function photo(width: number, height: number, hue: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="${hue}"/><stop offset="1" stop-color="#f5e6d3"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 5}" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 85 })
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .toBuffer();
}

async function as(browser: Browser, user: TestUser, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, path);
  return page;
}

const submit = submitFromHeader;

async function approve(r: Page, number: number) {
  await r.reload();
  await r.getByLabel(new RegExp(`I have reviewed revision ${number}`)).check();
  await r.getByRole("button", { name: "Approve revision" }).click();
  await expect(r.getByTestId("article-status")).toHaveText("Approved");
}

test("a writer places a photograph with alt text, licence and consent; review, replacement voids the approval, publish; readers get AVIF with width and height", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const writer = await createTestUser({ roles: ["WRITER"] });
  const { user: reviewer } = await createReviewer();
  const editor = await createTestUser({ roles: ["EDITOR"] });
  const title = `Calcinosis images ${uniqueSuffix()}`;
  const article = await seedArticle(writer, title);
  const alt = "Chalky white nodules on the tip of an index finger";

  // Upload with the toolbar button; the image is placed in the text and its record opens.
  const w = await as(browser, writer, `/studio/articles/${article.id}/edit`);
  await w.getByTestId("article-body").locator("p").last().click();
  await w.keyboard.press("End");
  const chooser = w.waitForEvent("filechooser");
  await w.getByRole("button", { name: "Insert image (upload a file)" }).click();
  await (
    await chooser
  ).setFiles({ name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: await photo(2400, 1600, "#b4533c") });
  await expect(w.getByTestId("article-body").locator("img[data-media-id]")).toHaveCount(1);
  const panel = w.getByTestId("images-panel");
  await expect(panel.getByTestId("media-status")).toHaveAttribute("data-status", "READY", { timeout: 60_000 });

  // The record: a file name as alt text is refused with a reason, then the real one is accepted.
  await panel.getByLabel("Alt text (required)").fill("IMG_2041.jpg");
  await panel.getByLabel("Licence (required)").selectOption("OWN_WORK");
  await panel.getByRole("button", { name: "Save image details" }).click();
  await expect(panel.getByText("This looks like a file name. Describe what the image shows instead.")).toBeVisible();
  await panel.getByLabel("Alt text (required)").fill(alt);
  await panel.getByLabel("Caption").fill("Calcinosis cutis of the fingertip.");
  await panel.getByLabel("Credit").fill("Dermatology clinic photograph");
  await panel.getByLabel("Clinical photograph of a patient").check();
  await panel.getByLabel("The patient’s written consent to publish is on file").check();
  await panel.getByRole("button", { name: "Save image details" }).click();
  await expect(panel.getByTestId("image-details-message")).toHaveText("Image details saved.");
  await expect(w.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  const mediaId = await w.getByTestId("article-body").locator("img[data-media-id]").getAttribute("data-media-id");
  const item = await e2eDb().mediaItem.findUniqueOrThrow({ where: { id: mediaId! } });
  expect(item).toMatchObject({
    alt,
    licence: "OWN_WORK",
    clinical: true,
    consentOnFile: true,
    consentRecordedById: writer.id,
  });

  // Submit; the reviewer sees the picture in the review screen and approves.
  await w.goto(`/studio/articles/${article.id}/review`);
  await submit(w, "With a clinical photograph");
  const r = await as(browser, reviewer, `/studio/articles/${article.id}/review`);
  const figure = r.getByTestId("review-block").locator("figure.article-image");
  await expect(figure.getByRole("img", { name: alt })).toBeVisible();
  await expect(figure).toContainText("Dermatology clinic photograph");
  await approve(r, 1);

  // The writer replaces the file: the approval no longer matches and is voided.
  await w.goto(`/studio/articles/${article.id}/edit`);
  const replace = w.getByTestId("images-panel").getByTestId("replace-file-input");
  await replace.setInputFiles({
    name: "better.jpg",
    mimeType: "image/jpeg",
    buffer: await photo(2000, 1500, "#7a3b2e"),
  });
  await expect
    .poll(async () => (await e2eDb().article.findUniqueOrThrow({ where: { id: article.id } })).status)
    .toBe("DRAFT");
  const voided = await e2eDb().review.findFirstOrThrow({ where: { reviewerId: reviewer.id, decision: "APPROVED" } });
  expect(voided.voidedAt).not.toBeNull();
  // The new file's sizes are made by the worker before the revision can be frozen.
  await expect
    .poll(
      async () =>
        (await e2eDb().mediaItem.findUniqueOrThrow({ where: { id: mediaId! }, include: { file: true } })).file.status,
      { timeout: 60_000 },
    )
    .toBe("READY");
  await expect(w.getByTestId("images-panel").getByTestId("media-status")).toHaveAttribute("data-status", "READY");

  // Resubmitted; comparing revisions 1 and 2 names the replaced file; approved again; published.
  await w.goto(`/studio/articles/${article.id}/review`);
  await submit(w, "Sharper photograph");
  const [rev1, rev2] = await e2eDb().revision.findMany({
    where: { articleId: article.id },
    orderBy: { number: "asc" },
  });
  await w.goto(`/studio/articles/${article.id}/history/diff?from=${rev1.id}&to=${rev2.id}`);
  await expect(w.getByTestId("diff-images")).toContainText("Changed image");
  await expect(w.getByTestId("diff-images")).toContainText("file: 2400 × 1600 px");
  await approve(r, 2);
  const e = await as(browser, editor, `/studio/articles/${article.id}/publish`);
  await expect(e.getByTestId("gate-item-images")).toContainText("Passed");
  await expect(e.getByTestId("gate-item-images")).toContainText("consent on file for 1 clinical photograph");
  await e.getByText("Publish now…").click();
  await e
    .getByTestId("confirm-publish")
    .getByRole("button", { name: /^Publish revision \d+ now$/ })
    .click();
  await expect(e.getByTestId("published-notice")).toBeVisible();
  await expect(e.getByTestId("live-badge")).toBeVisible();

  // The reader's page: AVIF for Chromium, explicit size, caption and credit, immutable content-hashed files.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${article.slug}`);
  const img = reader.locator("figure.article-image picture img");
  await expect(img).toHaveAttribute("alt", alt);
  await expect(img).toHaveAttribute("width", "1600");
  await expect(img).toHaveAttribute("height", "1200");
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  const current = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
  expect(current).toMatch(/\/media\/[0-9a-f]{64}\.avif$/);
  await expect(reader.locator("figure.article-image figcaption")).toContainText("Calcinosis cutis of the fingertip.");
  const res = await reader.request.get(current);
  expect(res.headers()["content-type"]).toBe("image/avif");
  expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const meta = await sharp(await res.body()).metadata();
  expect(meta.exif).toBeUndefined();
  const ld = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
  expect(ld.image?.[0]).toMatchObject({ "@type": "ImageObject", creditText: "Dermatology clinic photograph" });
});

test("refused uploads in the editor say why and place nothing", async ({ browser }) => {
  const writer = await createTestUser({ roles: ["WRITER"] });
  const article = await seedArticle(writer, `Refusals ${uniqueSuffix()}`);
  const w = await as(browser, writer, `/studio/articles/${article.id}/edit`);
  await w.getByTestId("image-file-input").setInputFiles({
    name: "lesion.png",
    mimeType: "image/png",
    buffer: Buffer.from("<?php echo 'hi'; ?>"),
  });
  await expect(w.getByTestId("upload-error")).toContainText("This file contains PHP code, not an image");
  await expect(w.getByTestId("article-body").locator("img[data-media-id]")).toHaveCount(0);

  // Each bad input through the upload endpoint the editor uses: a 4xx with a specific message, and neither a
  // row nor a stored file for its bytes.
  const truncated = await photo(1200, 900, "#7a3b2e");
  const bad: Array<{ name: string; bytes: Buffer; status: number; message: RegExp }> = [
    { name: "shell.png", bytes: Buffer.from("<?php system($_GET['c']); ?>"), status: 415, message: /PHP code/ },
    {
      name: "page.png",
      bytes: Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
      status: 415,
      message: /HTML document, not an image/,
    },
    { name: "cut.jpg", bytes: truncated.subarray(0, truncated.length >> 1), status: 400, message: /incomplete/ },
    { name: "bomb.png", bytes: bombPng(), status: 413, message: /100 megapixels\); the limit is 40 megapixels/ },
    {
      name: "diagram.svg",
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      status: 415,
      message: /SVG contains a script/,
    },
    { name: "../../etc/lesion.jpg", bytes: await photo(640, 480, "#b4533c"), status: 400, message: /contains a path/ },
  ];
  for (const input of bad) {
    const res = await w.request.post("/api/studio/media", {
      data: input.bytes,
      headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(input.name) },
    });
    expect(res.status(), input.name).toBe(input.status);
    expect((await res.json()).error?.message ?? "", input.name).toMatch(input.message);
    const sha256 = createHash("sha256").update(input.bytes).digest("hex");
    expect(await e2eDb().mediaFile.findUnique({ where: { sha256 } }), input.name).toBeNull();
    expect(existsSync(path.join(E2E_MEDIA_DIR, sha256.slice(0, 2), sha256)), input.name).toBe(false);
  }
  expect(await e2eDb().mediaItem.count({ where: { ownerId: writer.id } })).toBe(0);
});

test("a newly uploaded image turns from “Processing…” into the picture in the editor without a reload, and its missing alt text and licence are in the Checks panel in the publish gate's words", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const writer = await createTestUser({ roles: ["WRITER"] });
  const article = await seedArticle(writer, `Live images ${uniqueSuffix()}`);
  const w = await as(browser, writer, `/studio/articles/${article.id}/edit`);
  await w.getByTestId("article-body").locator("p").last().click();
  await w.keyboard.press("Control+End");
  // 4:3, so the picture (480 × 360 at its smallest size) is told from the 16:9 "Processing…" placeholder.
  await w.getByTestId("image-file-input").setInputFiles({
    name: "forearm.jpg",
    mimeType: "image/jpeg",
    buffer: await photo(1200, 900, "#8a4b3c"),
  });
  const placed = w.getByTestId("article-body").locator("img[data-media-id]");
  await expect(placed).toHaveCount(1);
  const shownSize = () =>
    placed.evaluate((img: HTMLImageElement) => (img.complete ? `${img.naturalWidth}x${img.naturalHeight}` : ""));
  await expect.poll(shownSize, { timeout: 60_000 }).toBe("480x360");
  await expect(w.getByTestId("images-panel").getByTestId("media-status")).toHaveAttribute("data-status", "READY");

  // The Checks panel says what the publish gate will say.
  const checks = w.getByTestId("content-check-panel");
  const mediaId = (await placed.getAttribute("data-media-id"))!;
  await expect(checks.getByText("1 image has no alt text.")).toBeVisible();
  await expect(checks.getByText(`No licence recorded for image ${mediaId.slice(-6)}.`)).toBeVisible();
  const panel = w.getByTestId("images-panel");
  await panel.getByLabel("Alt text (required)").fill("Reddened skin over the forearm");
  await panel.getByLabel("Licence (required)").selectOption("OWN_WORK");
  await panel.getByRole("button", { name: "Save image details" }).click();
  await expect(checks.getByText("1 image has no alt text.")).toHaveCount(0);
  await expect(checks.getByText(/No licence recorded/)).toHaveCount(0);
});
