// Plagiarism benchmark: npm run bench:plagiarism [-- --documents 10000 --words 1500 --queries 31]
// (`-- --documents 100000` for the 100,000-document scale run: half an hour to an hour on 2 busy cores; add
// `--keep bench/.tmp/plagiarism-100k` to keep that index and re-time only the checks on later runs.)
// Builds a deterministic synthetic corpus through the same code as `npm run corpus:import`
// (importCorpusDocuments: rows + fingerprints, 100 documents per transaction) in a scratch SQLite file,
// and a second file holding only its first 1,000 documents. Then it checks 2,000-word articles that copy
// three 40-word passages from those first 1,000 documents, alternating between the two databases query by
// query, so that load from other processes hits both sides of the ratio alike.
// Every check runs twice on the large database: exact stage only (winnowing, the baseline) and all stages
// (exact + reworded + rewritten passages), so the cost of the later stages is measured in the same run.
// Prints: index build time and documents/s (wall clock, and per CPU-second of this process), index size
// (rows per table, database file, process memory), check p50/p95 against 1,000 and against all documents
// for each stage setting, the ratio, and the speed-up over comparing with every document.
// Targets: build ≥ 200 docs/s; exact-only p50 < 150 ms at 10,000 docs and ≤ 2× the 1,000-doc p50;
// all stages p50 < 100 ms at 10,000 documents.
//
// Real text: `npm run bench:plagiarism -- --corpus <MedQuAD folder>` (or MEDQUAD_DIR) indexes MedQuAD instead
// (bench/plagiarism-real.ts; MedQuAD: Ben Abacha & Demner-Fushman 2019, BMC Bioinformatics 20:511, CC BY 4.0,
// github.com/abachaa/MedQuAD; read from that folder, never copied into the repository). Profile either run
// with `node --cpu-prof --import tsx bench/plagiarism.ts …` and open the .cpuprofile in Chrome's DevTools.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, type Db } from "../lib/db/client";
import { importCorpusDocuments } from "../lib/plagiarism/corpus";
import { compareTexts, matchText } from "../lib/plagiarism/match-text";
import { tokenize } from "../lib/plagiarism/tokenize";
import { kgramHashes } from "../lib/plagiarism/winnow";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { realCorpusBench } from "./plagiarism-real";
import { makeSampler, makeText, makeVocabulary, rng } from "./synthetic-text";

function arg(names: string | string[], fallback: number): number {
  for (const name of ([] as string[]).concat(names)) {
    const i = process.argv.indexOf(`--${name}`);
    if (i >= 0) return Number(process.argv[i + 1]);
  }
  return fallback;
}

const DOCS = arg(["documents", "docs"], 10_000);
const WORDS = arg("words", 1_500);
const QUERIES = arg("queries", 31);
const SMALL = Math.min(1_000, DOCS);
// --keep DIR: build the databases in DIR and leave them there; a later run with the same DIR, --documents and
// --words reuses them and only times the checks (the 100,000-document build takes the better part of an hour).
const keepAt = process.argv.indexOf("--keep");
const KEEP_DIR = keepAt >= 0 ? path.resolve(process.argv[keepAt + 1]) : null;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface BuildRecord {
  docs: number;
  words: number;
  buildMs: number;
  buildCpuMs: number;
  loadAverage: number;
  at: string;
}

async function main() {
  if (process.argv.includes("--corpus") || process.env.MEDQUAD_DIR) return realCorpusBench();
  let dir: string;
  let reused: BuildRecord | null = null;
  if (KEEP_DIR) {
    dir = KEEP_DIR;
    mkdirSync(dir, { recursive: true });
    const marker = path.join(dir, "build.json");
    if (existsSync(marker)) {
      const record = JSON.parse(readFileSync(marker, "utf8")) as BuildRecord;
      if (record.docs === DOCS && record.words === WORDS) reused = record;
    }
    if (!reused)
      for (const f of ["template.db", "large.db", "small.db", "build.json"]) rmSync(path.join(dir, f), { force: true });
  } else dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-bench-plagiarism-"));
  // Migrate a template file and copy it (as tests do): the schema engine keeps its own connection open.
  const template = path.join(dir, "template.db");
  if (!reused) await applyMigrations(`file:${template}`);
  const open = (name: string): { db: Db; file: string } => {
    const file = path.join(dir, name);
    if (reused) return { db: createDb(`file:${file}`), file };
    copyFileSync(template, file);
    const raw = new Database(file);
    raw.pragma("journal_mode = WAL");
    raw.close();
    return { db: createDb(`file:${file}`), file };
  };
  const large = open("large.db");
  const small = open("small.db");

  // Texts are generated before any clock starts: only the import (rows + fingerprints) is timed.
  const r = rng(42);
  const vocab = makeVocabulary(30_000);
  const sample = makeSampler(vocab, r);
  const texts = Array.from({ length: DOCS }, () => makeText(WORDS, sample, r));
  const docs = texts.map((text, i) => ({ title: `Synthetic document ${i + 1}`, text }));
  console.log(
    `Synthetic corpus: ${DOCS} documents × ${WORDS} words (vocabulary 30,000, Zipf); ${QUERIES} checks of 2,000-word articles on each database.`,
  );

  let buildMs: number;
  let buildCpuMs: number;
  let buildLoad: number;
  if (reused) {
    ({ buildMs, buildCpuMs, loadAverage: buildLoad } = reused);
    console.log(`Reusing the index built in ${dir} at ${reused.at} (--keep): only the checks are timed now.`);
  } else {
    await importCorpusDocuments(small.db, null, docs.slice(0, SMALL));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await importCorpusDocuments(large.db, null, docs, {
      onProgress: (n) => process.stdout.write(`  indexed ${n}/${DOCS}\r`),
    });
    buildMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    buildCpuMs = (cpu.user + cpu.system) / 1000;
    buildLoad = os.loadavg()[0];
    process.stdout.write("\n");
    if (KEEP_DIR) {
      const record: BuildRecord = {
        docs: DOCS,
        words: WORDS,
        buildMs,
        buildCpuMs,
        loadAverage: buildLoad,
        at: new Date().toISOString(),
      };
      writeFileSync(path.join(dir, "build.json"), JSON.stringify(record));
    }
  }

  // A 2,000-word article: our own words with 3 passages of 40 words copied from the first 1,000 documents.
  const qr = rng(7);
  const qsample = makeSampler(vocab, qr);
  const makeQuery = () => {
    const parts: string[] = [];
    for (let p = 0; p < 3; p++) {
      parts.push(makeText(580, qsample, qr));
      const src = tokenize(texts[Math.floor(qr() * SMALL)]).words;
      const at = Math.floor(qr() * (src.length - 40));
      parts.push(src.slice(at, at + 40).join(" ") + ".");
    }
    parts.push(makeText(2000 - 3 * 620, qsample, qr));
    return parts.join("\n\n");
  };
  // Wall clock and this process's CPU time (user + system; SQLite runs in-process): on a machine shared with
  // other busy processes the wall clock mostly measures waiting for a core, the CPU time what a check costs.
  const timeOne = async (db: Db, text: string, stages: "exact" | "all" = "exact") => {
    const c0 = process.cpuUsage();
    const t = performance.now();
    const result = await matchText(db, text, { stages });
    const wall = performance.now() - t;
    const c = process.cpuUsage(c0);
    return { ms: wall, cpuMs: (c.user + c.system) / 1000, found: result.matches.length };
  };

  // Warm both (first query pays for JIT and the page cache).
  const warm = makeQuery();
  await timeOne(small.db, warm);
  await timeOne(large.db, warm);
  await timeOne(large.db, warm, "all");
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  const bothTimes: number[] = [];
  const largeCpu: number[] = [];
  const bothCpu: number[] = [];
  let smallFound = 0;
  let largeFound = 0;
  let bothFound = 0;
  for (let q = 0; q < QUERIES; q++) {
    const text = makeQuery();
    const order = q % 2 === 0 ? (["small", "large", "both"] as const) : (["both", "large", "small"] as const);
    for (const side of order) {
      const res = await timeOne(side === "small" ? small.db : large.db, text, side === "both" ? "all" : "exact");
      if (side === "small") {
        smallTimes.push(res.ms);
        smallFound += res.found;
      } else if (side === "large") {
        largeTimes.push(res.ms);
        largeCpu.push(res.cpuMs);
        largeFound += res.found;
      } else {
        bothTimes.push(res.ms);
        bothCpu.push(res.cpuMs);
        bothFound += res.found;
      }
    }
  }
  const count = async (table: string) =>
    Number(
      (await large.db.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n,
    );
  const exactRows = await count("Fingerprint");
  const sketchRows = await count("SentenceSketch");

  // Brute force: compare the article with every document's text (already in memory, so only the
  // comparison itself is timed: fingerprint each document, intersect, confirm passages).
  const query = makeQuery();
  const ours = { text: query, tokens: tokenize(query) };
  const ourHashes = kgramHashes(ours.tokens.words);
  // (At most 10,000 documents are compared; the time is scaled to the whole corpus.)
  const bruteTexts = texts.slice(0, 10_000);
  const bt0 = performance.now();
  let bruteFound = 0;
  for (const text of bruteTexts)
    if (compareTexts(ours, ourHashes, { text, tokens: tokenize(text) }).length) bruteFound++;
  const bruteMs = ((performance.now() - bt0) * texts.length) / bruteTexts.length;
  const indexed = await timeOne(large.db, query);

  const p50s = pct(smallTimes, 50);
  const p50l = pct(largeTimes, 50);
  console.log(
    `Index build (all stages): ${DOCS} documents in ${(buildMs / 1000).toFixed(1)} s = ${((DOCS / buildMs) * 1000).toFixed(0)} documents/s wall clock (target ≥ 200); ${((DOCS / buildCpuMs) * 1000).toFixed(0)} documents per CPU-second of this process (1-min load average at the end of the build: ${buildLoad.toFixed(1)})`,
  );
  const memory = process.memoryUsage();
  console.log(
    `Index size: exact-stage fingerprints ${exactRows.toLocaleString("en")} rows (${(exactRows / DOCS).toFixed(0)} per document), ` +
      `sentence sketches ${sketchRows.toLocaleString("en")} rows (${(sketchRows / DOCS).toFixed(0)} per document); ` +
      `database file ${(statSync(large.file).size / 1024 / 1024).toFixed(0)} MB (texts included); ` +
      `process memory after the run: RSS ${(memory.rss / 1024 / 1024).toFixed(0)} MB, JS heap ${(memory.heapUsed / 1024 / 1024).toFixed(0)} MB (the index itself lives in SQLite)`,
  );
  console.log(
    `Check against ${SMALL} documents: p50 ${ms(p50s)}, p95 ${ms(pct(smallTimes, 95))} (sources found per check: ${(smallFound / QUERIES).toFixed(1)}, 3 expected)`,
  );
  console.log(
    `Check against ${DOCS} documents, exact stage only (baseline): p50 ${ms(p50l)}, p95 ${ms(pct(largeTimes, 95))} (sources found per check: ${(largeFound / QUERIES).toFixed(1)}) (target p50 < 150 ms)`,
  );
  const p50b = pct(bothTimes, 50);
  console.log(
    `Check against ${DOCS} documents, all stages (exact + reworded + rewritten): p50 ${ms(p50b)}, p95 ${ms(pct(bothTimes, 95))} (sources found per check: ${(bothFound / QUERIES).toFixed(1)}); ${(p50b / p50l).toFixed(2)}× the exact-only p50 (target p50 < 100 ms)`,
  );
  const cpuL = pct(largeCpu, 50);
  const cpuB = pct(bothCpu, 50);
  console.log(
    `CPU time per check against ${DOCS} documents (p50): exact stage only ${ms(cpuL)}, all stages ${ms(cpuB)} = ${(cpuB / cpuL).toFixed(2)}× the exact-only stage`,
  );
  console.log(
    `Slow-down from ${SMALL} to ${DOCS} documents, exact stage (p50): ${(p50l / p50s).toFixed(2)}× (target ≤ 2×)`,
  );
  console.log(
    `Brute force (compare with every one of ${DOCS} documents, texts in memory${texts.length > bruteTexts.length ? `; ${bruteTexts.length} timed, scaled` : ""}): ${ms(bruteMs)} for one check, ${bruteFound} sources; the index found ${indexed.found} in ${ms(indexed.ms)}: ${(bruteMs / p50l).toFixed(0)}× faster at p50`,
  );
  console.log(
    `Machine load while measuring (1-min load average, ${os.cpus().length} cores): ${os.loadavg()[0].toFixed(1)}`,
  );
  await Promise.all([large.db.$disconnect(), small.db.$disconnect()]);
  if (!KEEP_DIR) rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
