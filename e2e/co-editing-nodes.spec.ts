// Co-editing across nodes in real browsers: two co-editing nodes share documents through Redis, and the app hands
// each new socket to the next node, so two writers are connected through different nodes. Both see exactly both
// texts; when one node is killed (SIGKILL) mid-edit, nothing its writer saw acknowledged ("Saved": the stored
// state covers everything typed there) is lost: it is in the stored draft and in the surviving node's document,
// and the surviving node goes on storing.
import { expect, test, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import type { AppProcess } from "../scripts/lib/app-processes";
import type { RedisServer } from "../scripts/lib/redis-server";
import { e2eDb } from "./helpers/db";
import { createTestUser, uniqueSuffix } from "./helpers/factory";
import { articleFor, openEditor, paragraphsOf, typeAtEndOf } from "./helpers/co-editing-page";
import { stop } from "./helpers/co-editing-servers";
import { NODES_BASE_URL, startNode, startNodesApp, startRedis } from "./helpers/co-editing-nodes";

// Two browsers signing in and typing against Redis, two nodes and an app of their own: more than the default
// minute on a busy machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let redis: RedisServer | null = null;
let app: AppProcess | null = null;
let nodes: (ChildProcess | null)[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startRedis();
  const r = redis;
  [nodes, app] = await Promise.all([Promise.all([startNode(0, r), startNode(1, r)]), startNodesApp()]);
});
test.afterAll(async () => {
  await Promise.all([...nodes.map((n) => stop(n)), app?.stop()]);
  await redis?.stop();
});

/**
 * From now on, the page keeps the text of body paragraph `index` each time its save state turns to "Saved": with
 * co-editing that happens only when the stored state covers everything typed in this browser (collaboration.ts),
 * so the last one kept is what this writer saw acknowledged.
 */
async function recordAcknowledged(page: Page, index: number) {
  await page.evaluate((i) => {
    const w = window as unknown as { acknowledged: string[] };
    w.acknowledged = [];
    const paragraph = () => {
      const p = document.querySelectorAll("#article-body > p")[i].cloneNode(true) as HTMLElement;
      p.querySelectorAll(".collab-caret").forEach((caret) => caret.remove());
      return p.textContent ?? "";
    };
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="save-state"]')?.getAttribute("data-state") === "saved")
        w.acknowledged.push(paragraph());
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  }, index);
}

const storedParagraphs = async (articleId: string) => {
  const draft = await e2eDb().workingDraft.findUniqueOrThrow({ where: { articleId } });
  return (JSON.parse(draft.bodyJson) as { content: { content?: { text: string }[] }[] }).content.map((p) =>
    (p.content ?? []).map((t) => t.text).join(""),
  );
};

test("two writers on two co-editing nodes see exactly both texts; killing one node mid-edit loses nothing acknowledged", async ({
  browser,
}) => {
  const one = await createTestUser({ roles: ["WRITER"], name: `Ada Writer ${uniqueSuffix()}` });
  const two = await createTestUser({ roles: ["WRITER"], name: `Ben Writer ${uniqueSuffix()}` });
  const article = await articleFor([one, two], "Calcinosis cutis is rare.", "It is treated by the cause.");
  // One after the other, so that Ada's socket goes to node 1 and Ben's to node 2.
  const a = await openEditor(browser, NODES_BASE_URL, one, article.id);
  await expect(a.getByTestId("collab-presence")).toContainText("Live co-editing", { timeout: 30_000 });
  const b = await openEditor(browser, NODES_BASE_URL, two, article.id);
  await expect(b.getByTestId("collab-presence")).toContainText("Live co-editing", { timeout: 30_000 });
  // Presence crosses the nodes too.
  await expect(a.getByRole("list", { name: "Also editing now" })).toContainText(two.name);
  await expect(b.getByRole("list", { name: "Also editing now" })).toContainText(one.name);

  await Promise.all([typeAtEndOf(a, 0, " Alpha sentence from Ada."), typeAtEndOf(b, 1, " Beta sentence from Ben.")]);
  const merged = [
    "Calcinosis cutis is rare. Alpha sentence from Ada.",
    "It is treated by the cause. Beta sentence from Ben.",
  ];
  for (const p of [a, b])
    await expect.poll(() => paragraphsOf(p), { timeout: 10_000, intervals: [50] }).toEqual(merged);
  for (const p of [a, b]) await expect(p.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  expect(await storedParagraphs(article.id)).toEqual(merged);

  // Node 1 dies while Ada is typing: part of her sentence never reached it.
  await recordAcknowledged(a, 0);
  const typing = a.keyboard.type(" Typed as node one died.", { delay: 60 });
  await expect(a.getByTestId("article-body")).toContainText("Typed as node");
  await stop(nodes[0], "SIGKILL");
  nodes[0] = null;
  await typing;
  // Ada was on node 1: her editor says so and goes on with autosave; Ben, on node 2, stays live.
  await expect(a.getByRole("status").filter({ hasText: "Live co-editing has stopped" })).toBeVisible({
    timeout: 10_000,
  });
  await expect(b.getByTestId("collab-presence")).toContainText("Live co-editing");
  const acknowledged = await a.evaluate(() => (window as unknown as { acknowledged: string[] }).acknowledged);
  const lastAcknowledged = acknowledged.at(-1) ?? merged[0];
  test.info().annotations.push({ type: "acknowledged before the kill", description: lastAcknowledged });
  // Everything Ada saw acknowledged is in the stored draft and in node 2's document (what Ben's editor shows).
  expect((await storedParagraphs(article.id))[0].startsWith(lastAcknowledged)).toBe(true);
  await expect.poll(async () => (await paragraphsOf(b))[0]?.startsWith(lastAcknowledged)).toBe(true);

  // Node 2 took the document over: what Ben types now is stored, with Ada's acknowledged text kept.
  await typeAtEndOf(b, 1, " Typed on node two after.");
  await expect
    .poll(async () => (await storedParagraphs(article.id))[1], { timeout: 15_000 })
    .toBe("It is treated by the cause. Beta sentence from Ben. Typed on node two after.");
  await expect(b.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  expect((await storedParagraphs(article.id))[0].startsWith(lastAcknowledged)).toBe(true);
});
