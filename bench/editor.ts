// npx tsx bench/editor.ts — the writer's editor on a 10,000-word article, in Chromium against the app (server.ts,
// as `npm start` runs it):
//   1. keypress → DOM update: for each typed character, from the keydown event's timestamp to the
//      MutationObserver callback that sees the editor's DOM change (p50 / p95 / max). Also reported: to the
//      next animation frame (when the change can be painted).
//   2. autosave round trip: the browser's own timing of each autosave PUT, from the request's start to the
//      last byte of its answer (p50 / p95), for single-character edits of the same 10,000-word draft (the whole
//      body is sent and validated each time). Read from Playwright's view of the network, so the app carries
//      no measuring code of its own.
// Targets: keypress p95 < 50 ms, autosave p50 < 50 ms.
//
//   npx next build              # once, after changes (built only when there is no build)
//   npx tsx bench/editor.ts     # BENCH_PORT=3162, BENCH_KEYS=300, BENCH_SAVES=30, BENCH_WORDS=10000
//
// It uses a fresh SQLite file under bench/.tmp (migrations + seed), the seeded demo writer, and creates
// the article through lib/articles/create-article.ts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../e2e/helpers/chromium";
import { DEMO_USERS } from "../prisma/seed-users";
import { createDb } from "../lib/db/client";
import { loadActor } from "../lib/users/load-actor";
import { createArticle } from "../lib/articles/create-article";
import { insertReferences } from "../lib/references/manage-references";
import type { BlockNode, DocumentJson } from "../lib/content/document-schema";
import { CONDITION_SECTIONS } from "../lib/content/condition-template";
import { wordCount } from "../lib/content/text";
import { makeVocabulary, rng } from "./synthetic-text";
import { startAppProcess } from "../scripts/lib/app-processes";
import { loadDotEnv } from "../scripts/lib/load-env";

// The seed keys the audit log with .env's AUDIT_HMAC_KEY; this process records events too (createArticle).
loadDotEnv();

const ROOT = path.resolve(__dirname, "..");
const TMP = path.join(ROOT, "bench", ".tmp");
const DB_FILE = path.join(TMP, "editor-bench.db");
const PORT = Number(process.env.BENCH_PORT || 3162);
const KEYS = Number(process.env.BENCH_KEYS || 300);
const SAVES = Number(process.env.BENCH_SAVES || 30);
const WORDS = Number(process.env.BENCH_WORDS || 10_000);
const BASE = `http://127.0.0.1:${PORT}`;

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${DB_FILE}`,
  NEXTAUTH_URL: BASE,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "bench-only-secret-not-used-for-anything-real",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
  // The bench seeds the demo site into its own throwaway file; the seed refuses production unless told.
  IMPRIMATUR_ALLOW_DEMO_SEED: "1",
  // The autosave path is measured (each save sends the whole body): no co-editing server, whose socket the
  // editor would otherwise join through server.ts and save through instead.
  COLLAB_DISABLED: "1",
};

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}

/** A condition article of about `words` words: the template's sections, paragraphs of 40–90 words, lists, citations. */
function longDocument(words: number): DocumentJson {
  const vocab = makeVocabulary(3000, 7);
  const r = rng(42);
  const word = () => vocab[Math.floor(Math.pow(r(), 2.2) * vocab.length)];
  const sentence = () => {
    const n = 8 + Math.floor(r() * 17);
    const ws = Array.from({ length: n }, word);
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return `${ws.join(" ")}.`;
  };
  const content: BlockNode[] = [];
  let total = 0;
  let section = 0;
  while (total < words) {
    if (total >= (section * words) / CONDITION_SECTIONS.length && section < CONDITION_SECTIONS.length) {
      content.push({
        type: "heading",
        attrs: { level: 2 },
        content: [{ type: "text", text: CONDITION_SECTIONS[section++] }],
      });
    }
    if (r() < 0.12) {
      const items = 3 + Math.floor(r() * 4);
      content.push({
        type: "bulletList",
        content: Array.from({ length: items }, () => {
          const text = sentence();
          total += text.split(" ").length;
          return {
            type: "listItem" as const,
            content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }],
          };
        }),
      });
      continue;
    }
    let text = "";
    while (text.split(" ").length < 40 + r() * 50) text += (text ? " " : "") + sentence();
    total += text.split(" ").length;
    content.push({
      type: "paragraph",
      content: [
        { type: "text", text },
        { type: "citation", attrs: { refKey: `ref${1 + Math.floor(r() * 12)}` } },
      ],
    });
  }
  return { type: "doc", content };
}

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const f = (n: number) => n.toFixed(1);

async function main() {
  mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  run("npx", ["tsx", "scripts/db-deploy.ts"]);
  run("npx", ["tsx", "prisma/seed.ts"]);
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) run("npx", ["next", "build"]);

  const db = createDb(`file:${DB_FILE}`);
  const writerRow = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.writer.email } });
  const actor = (await loadActor(db, writerRow.id))!;
  const doc = longDocument(WORDS);
  const article = await createArticle(
    db,
    actor,
    { title: "Benchmark: a very long condition article", template: "blank" },
    { body: doc },
  );
  await db.$transaction((tx) =>
    insertReferences(
      tx,
      article.id,
      Array.from({ length: 12 }, (_, i) => ({
        key: `ref${i + 1}`,
        authors: `Author ${i + 1}`,
        title: `Reference ${i + 1}`,
        containerTitle: "J Bench",
        year: 2020,
        url: `https://example.org/${i + 1}`,
        doi: null,
        pmid: null,
        accessedAt: null,
        peerReviewed: true,
      })),
    ),
  );
  const bodyBytes = Buffer.byteLength(JSON.stringify(doc));
  await db.$disconnect();

  const server = await startAppProcess(PORT, { env, host: "127.0.0.1" });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    page.on("pageerror", (err) => console.error("page error:", err.message));
    await page.goto(`${BASE}/signin?callbackUrl=/studio`);
    await page.getByLabel("E-mail").fill(DEMO_USERS.writer.email);
    await page.getByLabel("Password").fill(DEMO_USERS.writer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Not a regex on the whole URL: the sign-in page's own ?callbackUrl=/studio would match it.
    await page
      .waitForURL((url) => url.pathname === "/studio")
      .catch(async (err) => {
        console.error(
          `Sign-in did not reach the studio (${page.url()}):`,
          (await page.locator("body").textContent())?.slice(0, 300),
        );
        throw err;
      });
    await page.goto(`${BASE}/studio/articles/${article.id}/edit`);
    const editorEl = page.getByTestId("article-body");
    await editorEl.waitFor().catch(async (err) => {
      console.error(
        `The editor did not appear at ${page.url()}:`,
        (await page.locator("main").textContent())?.slice(0, 500),
      );
      throw err;
    });
    await page.getByTestId("word-count").filter({ hasText: "words" }).waitFor();
    const shownWords = await page.getByTestId("word-count").textContent();

    // Put the cursor at the end of a paragraph in the middle of the article.
    const paragraphs = editorEl.locator(":scope > p");
    const middle = paragraphs.nth(Math.floor((await paragraphs.count()) / 2));
    await middle.scrollIntoViewIfNeeded();
    await middle.click();
    await page.keyboard.press("End");

    // 1. keypress → DOM.
    await page.evaluate(() => {
      const w = window as unknown as {
        __keyT: number[];
        __domT: number[];
        __frameT: number[];
        __pending: number | null;
      };
      w.__keyT = [];
      w.__domT = [];
      w.__frameT = [];
      w.__pending = null;
      const el = document.querySelector('[data-testid="article-body"]')!;
      window.addEventListener(
        "keydown",
        (e) => {
          w.__pending = e.timeStamp;
        },
        true,
      );
      new MutationObserver(() => {
        if (w.__pending === null) return;
        const start = w.__pending;
        w.__pending = null;
        const now = performance.now();
        w.__keyT.push(start);
        w.__domT.push(now - start);
        requestAnimationFrame(() => w.__frameT.push(performance.now() - start));
      }).observe(el, { subtree: true, childList: true, characterData: true });
    });
    const text = "calcium deposits form firm white papules ";
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(text[i % text.length] === " " ? "Space" : text[i % text.length]);
      await page.waitForTimeout(25 + (i % 5) * 10); // a fast typist: 40–70 ms between keys
    }
    await page.waitForTimeout(200);
    const { dom, frame } = await page.evaluate(() => {
      const w = window as unknown as { __domT: number[]; __frameT: number[] };
      return { dom: w.__domT, frame: w.__frameT };
    });

    // 2. autosave round trip: one character, wait for its save, repeat.
    await page.getByTestId("save-state").filter({ hasText: "Saved at" }).waitFor({ timeout: 30_000 });
    const draftPath = `/api/studio/articles/${article.id}/draft`;
    const trips: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const answered = page.waitForResponse(
        (r) => r.request().method() === "PUT" && new URL(r.url()).pathname === draftPath && r.ok(),
        { timeout: 30_000 },
      );
      await page.keyboard.press(i % 2 ? "Backspace" : "x");
      const response = await answered;
      await response.finished();
      trips.push(response.request().timing().responseEnd);
    }
    const saveState = await page.getByTestId("save-state").textContent();

    console.log(
      `\nEditor benchmark — ${wordCount(doc).toLocaleString("en")} words (${(bodyBytes / 1024).toFixed(0)} KB of JSON), editor shows "${shownWords}"; Chromium ${browser.version()}, node ${process.version}`,
    );
    console.log(
      `keypress → DOM update   n=${dom.length}  p50 ${f(pct(dom, 50))} ms  p95 ${f(pct(dom, 95))} ms  max ${f(Math.max(...dom))} ms   (target p95 < 50 ms)`,
    );
    console.log(
      `keypress → next frame   n=${frame.length}  p50 ${f(pct(frame, 50))} ms  p95 ${f(pct(frame, 95))} ms  max ${f(Math.max(...frame))} ms`,
    );
    console.log(
      `autosave round trip     n=${trips.length}  p50 ${f(pct(trips, 50))} ms  p95 ${f(pct(trips, 95))} ms  max ${f(Math.max(...trips))} ms   (target p50 < 50 ms)`,
    );
    console.log(`final save state: ${saveState}`);
    if (dom.length < KEYS * 0.9) console.log(`warning: only ${dom.length} of ${KEYS} key presses were observed`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
