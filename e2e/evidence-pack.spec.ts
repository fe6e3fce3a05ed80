// The demo article's evidence pack, downloaded by an editor from its publish page: a ZIP whose HTML index links
// only to files inside it, whose audit-chain verification passes, and whose SHA-256 is in the audit log. Then one
// audit event is changed in the database behind the append-only trigger (as an attacker with the file would): the
// next pack says the chain does not verify, naming that event. The event is put back at the end.
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";
import { SQLITE_OBJECTS } from "../lib/db/dialects/sqlite-objects";
import { EVIDENCE_PACK_ACTION } from "../lib/evidence/stream-evidence-pack";
import { e2eDb } from "./helpers/db";
import { createTestUser, signIn } from "./helpers/factory";
import { checkScreen } from "./helpers/layout-checks";

async function downloadPack(page: Page, articleId: string) {
  await page.goto(`/studio/articles/${articleId}/publish`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download evidence pack" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^evidence-pack-${DEMO_ARTICLE_SLUG}-r\\d+-.*\\.zip$`));
  const bytes = await readFile(await download.path());
  return { bytes, files: unzipSync(new Uint8Array(bytes)) };
}

test("the demo article's evidence pack: links resolve, the chain verifies, and a tampered event is named", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const db = e2eDb();
  const demo = await db.article.findUniqueOrThrow({ where: { slug: DEMO_ARTICLE_SLUG }, select: { id: true } });
  const editor = await createTestUser({ roles: ["EDITOR"] });
  await signIn(page, editor, `/studio/articles/${demo.id}/publish`);
  await expect(page.getByRole("heading", { name: "Evidence pack" })).toBeVisible();
  for (const size of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await page.getByRole("heading", { name: "Evidence pack" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`evidence-pack-panel-${size.width}.png`) });
    await checkScreen(page, `publish page at ${size.width} px`, size.width);
  }

  const first = await downloadPack(page, demo.id);
  const index = strFromU8(first.files["index.html"]);
  const links = [...index.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]);
  expect(links.length).toBeGreaterThan(5);
  for (const link of links) expect(Object.keys(first.files), `${link} is in the pack`).toContain(link);
  expect(index).toContain("The audit chain verifies");
  // The demo's writer and reviewer declared nothing, no funding is stated, no lay reader was asked: each said so.
  const declarations = strFromU8(first.files["declarations.html"]);
  expect(declarations).toContain("Declarations of interest in force at approval");
  expect(declarations).toContain("No declaration in force");
  expect(declarations).toContain("Not recorded: no one stated the article's funding and sponsorship");
  expect(declarations).toContain("None recorded: no lay reader reviewed this content.");
  const recorded = await db.auditEvent.findFirstOrThrow({
    where: { action: EVIDENCE_PACK_ACTION, entityId: demo.id, actorId: editor.id },
  });
  expect(JSON.parse(recorded.dataJson).sha256).toBe(createHash("sha256").update(first.bytes).digest("hex"));

  // The index, opened from the file as an assessor would (offline: file://, no server).
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.setContent(index);
  await page.screenshot({ path: test.info().outputPath("evidence-pack-index-1366.png"), fullPage: true });

  // Change one event of the demo article's history behind the trigger, then put it back whatever happens.
  const victim = await db.auditEvent.findFirstOrThrow({
    where: { entityId: demo.id, action: "article.published" },
    orderBy: { id: "asc" },
  });
  const trigger = SQLITE_OBJECTS.find((o) => o.name === "AuditEvent_refuse_update")!;
  await db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_refuse_update"`);
  try {
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "dataJson" = ? WHERE "id" = ?`, '{"forged":true}', victim.id);
    const second = await downloadPack(page, demo.id);
    const tampered = strFromU8(second.files["index.html"]);
    expect(tampered).toContain(`The audit chain does NOT verify: it breaks at event #${victim.id}`);
    expect(JSON.parse(strFromU8(second.files["data/audit-verification.json"]))).toMatchObject({
      ok: false,
      firstBroken: { id: victim.id },
    });
  } finally {
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "dataJson" = ? WHERE "id" = ?`, victim.dataJson, victim.id);
    await db.$executeRawUnsafe(trigger.sql);
  }
});
