// Studio content list benchmark: npm run bench:content-list [-- --articles 10000 --words 400 --runs 60]
// Fills a fresh migrated SQLite file (WAL) with --articles articles (working drafts of --words synthetic
// words, a tenth live with re-review dates, writers and clinical areas spread over them), then times one
// page (50 rows) of the content list for typical views: the default, a filter, a search word, a search plus
// filters, a later page by cursor, and the CSV export of a filtered view. Baseline in the same run: the
// bare indexed query for the same 50 rows (id and updatedAt only), i.e. what the database alone costs.
// Prints p50/p95 per view; target: p50 < 50 ms per page with filters and search.
import Database from "better-sqlite3";
import { createBenchDatabase } from "./lib/bench-database";
import { createDb } from "../lib/db/client";
import { listContent, listContentForExport, parseContentListQuery } from "../lib/article-list/content-list";
import { contentCsv } from "../lib/article-list/content-csv";
import type { Actor } from "../lib/auth/policy";
import { makeSampler, makeText, makeVocabulary, rng } from "./synthetic-text";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ARTICLES = arg("articles", 10_000);
const WORDS = arg("words", 400);
const RUNS = arg("runs", 60);
const DAY = 86400_000;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function time(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function main() {
  const scratch = await createBenchDatabase("content");
  const raw = new Database(scratch.file!);
  const r = rng(42);
  const sample = makeSampler(makeVocabulary(20_000), r);
  const now = Date.now();
  const t0 = performance.now();
  const insertUser = raw.prepare(
    "INSERT INTO User (id, email, name, passwordHash, updatedAt) VALUES (?, ?, ?, 'x', ?)",
  );
  const insertRole = raw.prepare("INSERT INTO UserRole (userId, role) VALUES (?, ?)");
  const insertArea = raw.prepare("INSERT INTO Specialty (id, name) VALUES (?, ?)");
  const insertArticle = raw.prepare(
    "INSERT INTO Article (id, slug, status, createdById, createdAt, updatedAt, clinicalAreaId, reviewDueAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertAuthor = raw.prepare("INSERT INTO ArticleAuthor (articleId, userId) VALUES (?, ?)");
  const insertDraft = raw.prepare(
    "INSERT INTO WorkingDraft (articleId, title, summary, conditionName, bodyJson, updatedAt) VALUES (?, ?, '', ?, ?, ?)",
  );
  const writers = Array.from({ length: 40 }, (_, i) => `writer${i}`);
  const areas = ["Dermatology", "Cardiology", "Neurology", "Oncology", "Endocrinology"];
  raw.transaction(() => {
    insertUser.run("editor", "editor@bench.local", "Editor", now);
    insertRole.run("editor", "EDITOR");
    for (const w of writers) {
      insertUser.run(w, `${w}@bench.local`, w, now);
      insertRole.run(w, "WRITER");
    }
    areas.forEach((a, i) => insertArea.run(`area${i}`, a));
    for (let i = 0; i < ARTICLES; i++) {
      const id = `a${String(i).padStart(6, "0")}`;
      const created = now - (ARTICLES - i) * 3_600_000;
      const text = makeText(WORDS, sample, r);
      const body = {
        type: "doc",
        content: text.split("\n\n").map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
      };
      const live = i % 10 === 0;
      insertArticle.run(
        id,
        `article-${i}`,
        live ? "PUBLISHED" : "DRAFT",
        writers[i % writers.length],
        created,
        created,
        `area${i % areas.length}`,
        live ? now + ((i % 200) - 100) * DAY : null,
      );
      insertAuthor.run(id, writers[i % writers.length]);
      insertDraft.run(id, `${sample()} ${sample()} condition ${i}`, sample(), JSON.stringify(body), created);
    }
  })();
  // "Live" needs liveRevisionId: one shared dummy revision id per live article is enough for the filters.
  raw.exec(
    `INSERT INTO Revision (id, articleId, number, title, summary, bodyJson, referencesJson, contentHash, authorId)
     SELECT 'r' || id, id, 1, 'x', '', '{}', '[]', '', createdById FROM Article WHERE status = 'PUBLISHED';
     UPDATE Article SET liveRevisionId = 'r' || id WHERE status = 'PUBLISHED';`,
  );
  const word = (raw.prepare("SELECT body FROM studio_draft_search WHERE rowid = 777").get() as { body: string }).body
    .split(" ")
    .find((w) => w.length > 6)!;
  raw.close();
  console.log(`Filled ${ARTICLES} articles of ~${WORDS} words in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const db = createDb(scratch.url);
  const editor: Actor = {
    id: "editor",
    name: "Editor",
    email: "editor@bench.local",
    status: "ACTIVE",
    roles: ["EDITOR"],
  };
  try {
    const views: Array<[string, Record<string, string>]> = [
      ["default view (recently updated)", {}],
      ["filter: live, review overdue", { live: "yes", due: "overdue" }],
      ["filter: writer + area, by title", { writer: "writer7", area: "area2", sort: "title" }],
      [`search: "${word}"`, { q: word }],
      [`search + filters`, { q: word, area: "area1", state: "DRAFT" }],
    ];
    const baseline = await time(RUNS, () =>
      db.article.findMany({ orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: 51, select: { id: true } }),
    );
    console.log(`\nbaseline: bare indexed query for 51 ids   p50 ${pct(baseline, 0.5).toFixed(2)} ms`);
    console.log("view                                        p50 ms   p95 ms   ratio to baseline (p50)");
    for (const [name, params] of views) {
      const q = parseContentListQuery({ ...params, limit: "50" });
      const xs = await time(RUNS, () => listContent(db, editor, q));
      const p50 = pct(xs, 0.5);
      console.log(
        `${name.padEnd(42)} ${p50.toFixed(2).padStart(7)} ${pct(xs, 0.95).toFixed(2).padStart(8)}   ${(p50 / pct(baseline, 0.5)).toFixed(1)}×`,
      );
    }
    // A later page: follow the cursor five pages in.
    let q = parseContentListQuery({ limit: "50" });
    for (let i = 0; i < 5; i++) q = { ...q, cursor: (await listContent(db, editor, q)).nextCursor ?? undefined };
    const paged = await time(RUNS, () => listContent(db, editor, q));
    console.log(
      `${"page 6 by cursor".padEnd(42)} ${pct(paged, 0.5).toFixed(2).padStart(7)} ${pct(paged, 0.95).toFixed(2).padStart(8)}`,
    );
    const exportQuery = parseContentListQuery({ area: "area3" });
    const exp = await time(5, async () => contentCsv(await listContentForExport(db, editor, exportQuery)));
    console.log(`${`CSV export (${ARTICLES / areas.length} rows)`.padEnd(42)} ${pct(exp, 0.5).toFixed(1).padStart(7)}`);
  } finally {
    await db.$disconnect();
    await scratch.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
