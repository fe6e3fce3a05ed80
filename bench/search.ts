// npm run bench:search — builds a site-search index of 10,000 synthetic published articles (through the same
// SearchIndex.indexArticle the publish transaction uses) and prints query latency p50/p99 by kind of query:
// exact words, two words, a typo in a word, a misspelt condition name, no result. Target: p50 < 10 ms.
// Baseline in the same run: the naive alternative, a LIKE '%word%' scan over the same live text.
// Knobs: BENCH_ARTICLES (default 10000), BENCH_WORDS per article (default 600), BENCH_QUERIES per kind (200).
// Relevance on real text: `npm run bench:search -- --corpus <MedQuAD folder>` (or MEDQUAD_DIR) runs
// bench/search-real.ts instead (MRR and recall@10 with each MedQuAD document's focus words as the query;
// MedQuAD: Ben Abacha & Demner-Fushman 2019, BMC Bioinformatics 20:511, CC BY 4.0, github.com/abachaa/MedQuAD).
import { copyFileSync } from "node:fs";
import os from "node:os";
import Database from "better-sqlite3";
import { createDb } from "../lib/db/client";
import { createBenchDatabase } from "./lib/bench-database";
import { sqliteSearchIndex } from "../lib/search/sqlite-search-index";
import { searchArticles } from "../lib/search/search-articles";
import type { SearchDocument } from "../lib/search/search-index";
import { makeUser } from "../tests/helpers/factory";
import { realSearchBench } from "./search-real";
import { makeSampler, makeText, makeVocabulary, rng } from "./synthetic-text";

const ARTICLES = Number(process.env.BENCH_ARTICLES || 10_000);
const WORDS = Number(process.env.BENCH_WORDS || 600);
const QUERIES = Number(process.env.BENCH_QUERIES || 200);
const TARGET_P50_MS = 10;

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** One letter of a word changed (a substitution away from the original): what a hurried reader types. */
function misspell(word: string, r: () => number): string {
  const i = 1 + Math.floor(r() * (word.length - 2));
  const letters = "aeioulnrst".replace(word[i], "");
  return word.slice(0, i) + letters[Math.floor(r() * letters.length)] + word.slice(i + 1);
}

async function main() {
  if (process.argv.includes("--corpus") || process.env.MEDQUAD_DIR) return realSearchBench();
  const scratch = await createBenchDatabase("search");
  const file = scratch.file!;
  const raw = new Database(file);

  const r = rng(7);
  const vocab = makeVocabulary(30_000);
  const sample = makeSampler(vocab, r);
  // Condition names: two rarer vocabulary words each, so every condition is a distinct, findable name.
  const conditionOf = (i: number) => `${vocab[2000 + (i % 5000)]} ${vocab[8000 + ((i * 7) % 9000)]}`;

  // The writer comes from the shared factory; articles and revisions are plain rows (their shape is not what is
  // measured); the search index is written through the real module, in batches of one transaction each, as
  // publishing would.
  const started = Date.now();
  const setup = createDb(`file:${file}`);
  const writer = await makeUser(setup, { roles: ["WRITER"], name: "Bench Writer" });
  await setup.$disconnect();
  const insertArticle = raw.prepare(
    `INSERT INTO "Article" (id, slug, conditionName, status, createdById, updatedAt, liveRevisionId, lastPublishedAt)
     VALUES (?, ?, ?, 'PUBLISHED', ?, 0, NULL, ?)`,
  );
  const insertRevision = raw.prepare(
    `INSERT INTO "Revision" (id, articleId, number, title, summary, conditionName, bodyJson, referencesJson, contentHash, authorId)
     VALUES (?, ?, 1, ?, ?, ?, '{}', '[]', '', ?)`,
  );
  const setLive = raw.prepare(`UPDATE "Article" SET liveRevisionId = ? WHERE id = ?`);
  const docs: SearchDocument[] = [];
  raw.transaction(() => {
    for (let i = 0; i < ARTICLES; i++) {
      const condition = conditionOf(i);
      const title = `${condition[0].toUpperCase()}${condition.slice(1)}: causes, symptoms and treatment`;
      const summary = makeText(30, sample, r);
      insertArticle.run(`a${i}`, `article-${i}`, condition, writer.id, Date.now());
      insertRevision.run(`r${i}`, `a${i}`, title, summary, condition, writer.id);
      setLive.run(`r${i}`, `a${i}`);
      docs.push({
        articleId: `a${i}`,
        revisionId: `r${i}`,
        locale: "en",
        title,
        conditionName: condition,
        alternativeNames: [`${vocab[12000 + (i % 8000)]} disease`],
        summary,
        headings: "What is it?\nCauses\nTreatment",
        body: makeText(WORDS, sample, r),
      });
    }
  })();
  const rowsMs = Date.now() - started;
  const db = createDb(`file:${file}`);
  const indexStarted = Date.now();
  for (let i = 0; i < docs.length; i += 500) {
    await db.$transaction(async (tx) => {
      for (const doc of docs.slice(i, i + 500)) await sqliteSearchIndex.indexArticle(tx, doc);
    });
  }
  const indexMs = Date.now() - indexStarted;
  console.log(
    `Indexed ${ARTICLES} articles × ~${WORDS} words in ${(indexMs / 1000).toFixed(1)} s ` +
      `(${(indexMs / ARTICLES).toFixed(2)} ms per article; plain rows ${(rowsMs / 1000).toFixed(1)} s)`,
  );

  const q = rng(99);
  const midWord = () => vocab[300 + Math.floor(q() * 3000)];
  const longWord = () => {
    for (;;) {
      const w = vocab[300 + Math.floor(q() * 10000)];
      if (w.length >= 6) return w;
    }
  };
  const kinds: Array<[string, () => string]> = [
    ["one word", midWord],
    ["two words", () => `${midWord()} ${midWord()}`],
    ["common word (skin)", () => "skin"],
    ["typo in a word", () => misspell(longWord(), q)],
    ["condition name", () => conditionOf(Math.floor(q() * ARTICLES))],
    [
      "misspelt condition",
      () =>
        conditionOf(Math.floor(q() * ARTICLES))
          .split(" ")
          .map((w) => (w.length >= 5 ? misspell(w, q) : w))
          .join(" "),
    ],
    ["no result", () => "zzqxv"],
  ];

  // Warm up the page cache and the statement cache.
  for (let i = 0; i < 20; i++) await searchArticles(db, { q: midWord() });

  const like = raw.prepare(
    `SELECT e.articleId FROM search_document d JOIN SearchEntry e ON e.id = d.rowid
     WHERE d.title LIKE ? OR d.summary LIKE ? OR d.body LIKE ? LIMIT 10`,
  );
  // On a shared machine latency follows the load: print it beside the numbers.
  console.log(`\nload average (1 min) ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  console.log("kind                   p50 ms   p99 ms   hits(avg)");
  const all: number[] = [];
  for (const [name, make] of kinds) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < QUERIES; i++) {
      const query = make();
      const t0 = process.hrtime.bigint();
      const page = await searchArticles(db, { q: query });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      hits += page.total;
    }
    all.push(...times);
    console.log(
      `${name.padEnd(22)} ${pct(times, 50).toFixed(2).padStart(6)}   ${pct(times, 99).toFixed(2).padStart(6)}   ${(hits / QUERIES).toFixed(1)}`,
    );
  }
  const baseline: number[] = [];
  for (let i = 0; i < Math.min(QUERIES, 30); i++) {
    const t0 = process.hrtime.bigint();
    const pattern = `%${longWord()}%`;
    like.all(pattern, pattern, pattern);
    baseline.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const p50 = pct(all, 50);
  console.log(
    `\nall queries: p50 ${p50.toFixed(2)} ms, p99 ${pct(all, 99).toFixed(2)} ms — target p50 < ${TARGET_P50_MS} ms: ${
      p50 < TARGET_P50_MS ? "met" : "NOT met"
    }`,
  );
  console.log(
    `baseline (LIKE '%word%' scan, same data): p50 ${pct(baseline, 50).toFixed(2)} ms — search/baseline ratio ${(p50 / pct(baseline, 50)).toFixed(3)}`,
  );
  await db.$disconnect();
  raw.close();
  if (process.env.BENCH_KEEP) copyFileSync(file, process.env.BENCH_KEEP);
  await scratch.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
