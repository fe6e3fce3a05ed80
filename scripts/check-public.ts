// npm run check:public — Lighthouse 12 (mobile, default simulated throttling) on the demo article page, served
// the way readers get it (server.ts with its page cache), with the scores and the audits that cost points.
// Targets: performance ≥ 95; accessibility, best practices and SEO 100. Exits 1 when one is missed, so CI can
// run it. (axe-core and the Nu HTML checker run on every readers' page in e2e/public-quality.spec.ts.)
//
//   npx next build               # once, after changes (built here only when there is no build at all)
//   npm run check:public         # CHECK_PORT=3171; CHECK_URL=<page path> (default the demo article)
//   npm run check:public -- --images   # the demo article with three images (scripts/lib/add-demo-images.ts)
//
// It seeds a fresh SQLite file and media folder under e2e/.tmp, starts `tsx server.ts` on them and drives the
// Chromium that the e2e tests use (e2e/helpers/chromium.ts: CHROMIUM_PATH, Debian's chromium, or Playwright's).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_ARGS, findChromium } from "../e2e/helpers/chromium";
import { DEMO_ARTICLE_SLUG } from "../prisma/demo/calcinosis-cutis";
import { createDb } from "../lib/db/client";
import { FolderStorage } from "../lib/media/storage";
import { addDemoImages } from "./lib/add-demo-images";
import { startAppProcess } from "./lib/app-processes";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.CHECK_PORT || 3171);
const BASE = `http://127.0.0.1:${PORT}`;
const PAGE = process.env.CHECK_URL || `/articles/${DEMO_ARTICLE_SLUG}`;
const DB_FILE = path.join(ROOT, "e2e", ".tmp", `check-public-${PORT}.db`);
const MEDIA_DIR = path.join(ROOT, "e2e", ".tmp", `check-public-media-${PORT}`);
const WITH_IMAGES = process.argv.includes("--images");
const TARGETS: Record<string, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${DB_FILE}`,
  MEDIA_DIR,
  NEXTAUTH_URL: BASE,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "check-public-only-secret-not-used-for-anything-real",
  NEXT_TELEMETRY_DISABLED: "1",
};

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status})`);
}

interface LhAudit {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
}
interface NetworkRequest {
  url: string;
  resourceType?: string;
  transferSize: number;
}
interface LhResult {
  categories: Record<string, { title: string; score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, LhAudit>;
}

async function main() {
  const chromePath = findChromium();
  if (!chromePath) throw new Error("No Chromium found: set CHROMIUM_PATH or install Debian's chromium.");
  mkdirSync(path.dirname(DB_FILE), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  run("npx", ["tsx", "scripts/db-deploy.ts"]);
  run("npx", ["tsx", "prisma/seed.ts"]);
  rmSync(MEDIA_DIR, { recursive: true, force: true });
  if (WITH_IMAGES) {
    const db = createDb(`file:${DB_FILE}`);
    try {
      const added = await addDemoImages(db, new FolderStorage(MEDIA_DIR));
      console.log(`Added ${added.images} images to /articles/${added.slug} (uploaded, recorded, reviewed, published)`);
    } finally {
      await db.$disconnect();
    }
  }
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) run("npx", ["next", "build"]);

  const server = await startAppProcess(PORT, { env, host: "127.0.0.1" });
  const chromeLauncher = await import("chrome-launcher");
  let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>> | null = null;
  try {
    const res = await fetch(BASE + PAGE);
    if (res.status !== 200) throw new Error(`${PAGE} answered ${res.status}`);
    await fetch(BASE + PAGE); // stored by the page cache before measuring, as readers get it
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...CHROMIUM_ARGS, "--headless=new"] });
    const { default: lighthouse } = await import("lighthouse");
    const runnerResult = await lighthouse(BASE + PAGE, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: Object.keys(TARGETS),
    });
    if (!runnerResult) throw new Error("Lighthouse returned no result");
    const lhr = runnerResult.lhr as unknown as LhResult;

    const what = WITH_IMAGES ? `${PAGE} with three images` : PAGE;
    console.log(`\nLighthouse ${runnerResult.lhr.lighthouseVersion} (mobile, simulated throttling) on ${what}`);
    let failed = false;
    for (const [id, target] of Object.entries(TARGETS)) {
      const category = lhr.categories[id];
      const score = Math.round((category.score ?? 0) * 100);
      const ok = score >= target;
      failed ||= !ok;
      console.log(
        `  ${category.title.padEnd(16)} ${String(score).padStart(3)}  (target ≥ ${target}) ${ok ? "ok" : "MISSED"}`,
      );
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
          console.log(`      - ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      }
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? "?";
    // Which images the page made the browser fetch (the lazy ones below the fold should not be among them).
    const requests = (lhr.audits["network-requests"] as unknown as { details?: { items?: NetworkRequest[] } })?.details
      ?.items;
    const images = (requests ?? []).filter((r) => r.resourceType === "Image");
    if (images.length)
      console.log(
        `  images fetched: ${images.map((r) => `${r.url.replace(/^.*\/media\/(.{8}).*\.(\w+)$/, "$1….$2")} (${(r.transferSize / 1024).toFixed(0)} KiB)`).join(", ")}`,
      );
    console.log(
      `  metrics: FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}, transfer ${metric("total-byte-weight")}`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    if (chrome) await chrome.kill();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
