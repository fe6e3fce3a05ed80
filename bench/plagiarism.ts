// Plagiarism benchmark: npm run bench:plagiarism [-- --docs 10000 --words 1500 --queries 21]
// Builds a deterministic synthetic corpus in a scratch SQLite file through the same code the app uses
// (addCorpusDocument: row + fingerprints in one transaction), then checks 2,000-word articles that copy a
// few passages from random documents. Prints: index build documents/s, check p50/p95 against the first
// 1,000 documents and against all of them, and the speed-up over comparing with every document.
// Targets (issue 6): build ≥ 200 docs/s; p50 < 150 ms at 10,000 docs and ≤ 2× the 1,000-doc p50.
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../lib/db/client";
import { importCorpusDocuments } from "../lib/plagiarism/corpus";
import { compareTexts, matchText } from "../lib/plagiarism/match-text";
import { tokenize } from "../lib/plagiarism/tokenize";
import { kgramHashes } from "../lib/plagiarism/winnow";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { makeSampler, makeText, makeVocabulary, rng } from "./synthetic-text";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const DOCS = arg("docs", 10_000);
const WORDS = arg("words", 1_500);
const QUERIES = arg("queries", 21);
const SMALL = Math.min(1_000, DOCS);

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-bench-plagiarism-"));
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  // Migrate a template file and copy it (as tests do): the schema engine keeps its own connection open.
  const template = path.join(dir, "template.db");
  await applyMigrations(`file:${template}`);
  copyFileSync(template, file);
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  const db = createDb(url);
  const r = rng(42);
  const vocab = makeVocabulary(30_000);
  const sample = makeSampler(vocab, r);
  const texts: string[] = [];

  const build = async (from: number, to: number) => {
    // Texts are generated before the clock starts: only the import (rows + fingerprints) is timed.
    const batch: Array<{ title: string; text: string }> = [];
    for (let i = from; i < to; i++) {
      const text = makeText(WORDS, sample, r);
      texts.push(text);
      batch.push({ title: `Synthetic document ${i + 1}`, text });
    }
    const t0 = performance.now();
    await importCorpusDocuments(db, null, batch, { onProgress: (n) => process.stdout.write(`  indexed ${from + n}/${DOCS}\r`) });
    const elapsed = performance.now() - t0;
    process.stdout.write("\n");
    return elapsed;
  };

  // A 2,000-word article: our own words with 3 passages of 40 words copied from random documents.
  const qr = rng(7);
  const qsample = makeSampler(vocab, qr);
  const makeQuery = (docCount: number) => {
    const parts: string[] = [];
    for (let p = 0; p < 3; p++) {
      parts.push(makeText(580, qsample, qr));
      const src = tokenize(texts[Math.floor(qr() * docCount)]).words;
      const at = Math.floor(qr() * (src.length - 40));
      parts.push(src.slice(at, at + 40).join(" ") + ".");
    }
    parts.push(makeText(2000 - 3 * 620, qsample, qr));
    return parts.join("\n\n");
  };
  const timeChecks = async (docCount: number) => {
    const times: number[] = [];
    let found = 0;
    for (let q = 0; q < QUERIES; q++) {
      const text = makeQuery(docCount);
      const t0 = performance.now();
      const result = await matchText(db, text);
      times.push(performance.now() - t0);
      found += result.matches.length;
    }
    return { p50: pct(times, 50), p95: pct(times, 95), found };
  };

  console.log(`Synthetic corpus: ${DOCS} documents × ${WORDS} words (vocabulary 30,000, Zipf); ${QUERIES} checks of 2,000-word articles each.`);
  const t1 = await build(0, SMALL);
  const small = await timeChecks(SMALL);
  const t2 = await build(SMALL, DOCS);
  const buildMs = t1 + t2;
  const large = await timeChecks(DOCS);
  const rows = await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS n FROM "Fingerprint"`);

  // Brute force: compare the article with every document's text (already in memory, so only the
  // comparison itself is timed: fingerprint each document, intersect, confirm passages).
  const query = makeQuery(DOCS);
  const ours = { text: query, tokens: tokenize(query) };
  const ourHashes = kgramHashes(ours.tokens.words);
  const bt0 = performance.now();
  let bruteFound = 0;
  for (const text of texts) if (compareTexts(ours, ourHashes, { text, tokens: tokenize(text) }).length) bruteFound++;
  const bruteMs = performance.now() - bt0;
  const indexed = await matchText(db, query);

  console.log(`Index build: ${DOCS} documents in ${(buildMs / 1000).toFixed(1)} s = ${((DOCS / buildMs) * 1000).toFixed(0)} documents/s (target ≥ 200)`);
  console.log(`Fingerprint rows: ${Number(rows[0].n).toLocaleString("en")} (${(Number(rows[0].n) / DOCS).toFixed(0)} per document); database ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`);
  console.log(`Check against ${SMALL} documents: p50 ${ms(small.p50)}, p95 ${ms(small.p95)} (sources found per check: ${(small.found / QUERIES).toFixed(1)})`);
  console.log(`Check against ${DOCS} documents: p50 ${ms(large.p50)}, p95 ${ms(large.p95)} (sources found per check: ${(large.found / QUERIES).toFixed(1)}) (target p50 < 150 ms)`);
  console.log(`Slow-down from ${SMALL} to ${DOCS} documents: ${(large.p50 / small.p50).toFixed(2)}× (target ≤ 2×)`);
  console.log(`Brute force (compare with every document, texts in memory): ${ms(bruteMs)} for one check, found ${bruteFound} sources; index found ${indexed.matches.length}; index p50 is ${(bruteMs / large.p50).toFixed(0)}× faster`);
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
