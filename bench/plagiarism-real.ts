// The plagiarism index on real text: `npm run bench:plagiarism -- --corpus <MedQuAD folder>` (or MEDQUAD_DIR).
// MedQuAD (Ben Abacha & Demner-Fushman 2019, BMC Bioinformatics 20:511; CC BY 4.0; github.com/abachaa/MedQuAD)
// is read from that folder and never copied into the repository; without it this says so and exits 0.
//
// Every MedQuAD answer (`--unit answers`, the default: ~11,000 documents of median 124 words, enough for the
// 10,000-document targets) or topic document (`--unit topics`: all answers about one focus from one website as
// one text, 2,802 documents of median 470 words) but one in ten is imported through the same code as
// `npm run corpus:import` (importCorpusDocuments, 100 documents per transaction) into a scratch SQLite file.
// Then 2,000-word articles are checked with all stages: real text from the documents left out (same genre, so
// stock phrases and shared terms are there as in life) with three 50-word passages copied from indexed
// documents. Prints documents/s (wall clock and per CPU-second), index bytes per document and per 1,500 words
// (SQLite's dbstat: the fingerprint tables, their source rows and indexes; texts not counted), check p50/p95
// (wall clock and CPU) and how many copied sources and other sources the checks named.
// Targets: ≥ 200 documents/s and ≤ 10 KB per 1,500-word document (all stages); check p50 < 100 ms.
// Options: --queries N (default 31), --max-docs N (index fewer documents).
import os from "node:os";
import Database from "better-sqlite3";
import { createDb } from "../lib/db/client";
import { importCorpusDocuments } from "../lib/plagiarism/corpus";
import { matchText } from "../lib/plagiarism/match-text";
import { tokenize } from "../lib/plagiarism/tokenize";
import { createBenchDatabase } from "./lib/bench-database";
import { explainMissingMedquad, loadMedquad, medquadDir, MEDQUAD_ATTRIBUTION } from "../scripts/lib/medquad";
import { rng } from "./synthetic-text";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Tables that make up the plagiarism index (whichever of them exist in the current schema). */
const INDEX_TABLE = /^(Fingerprint|FingerprintSource|SentenceSketch)/;

export async function realCorpusBench(): Promise<void> {
  const dir = medquadDir();
  if (!dir) return explainMissingMedquad("bench:plagiarism");
  const queries = arg("queries", 31);
  const unitAt = process.argv.indexOf("--unit");
  const unit = unitAt >= 0 ? process.argv[unitAt + 1] : "answers";
  if (unit !== "answers" && unit !== "topics") throw new Error("--unit takes answers or topics");
  const docs = loadMedquad(dir);
  const all =
    unit === "topics"
      ? docs.map((d) => ({ title: d.focus || d.id, text: d.answers.map((a) => a.answer).join("\n\n") }))
      : docs.flatMap((d) =>
          d.answers
            // The corpus takes texts of ten words or more.
            .filter((a) => tokenize(a.answer).words.length >= 10)
            .map((a) => ({ title: `${d.focus || d.id}: ${a.question}`.slice(0, 300), text: a.answer })),
        );
  const maxDocs = arg("max-docs", all.length);
  const indexed = all.filter((_, i) => i % 10 !== 9).slice(0, maxDocs);
  const heldBack = all.filter((_, i) => i % 10 === 9);
  const words = indexed.map((d) => tokenize(d.text).words.length);
  const totalWords = words.reduce((a, b) => a + b, 0);
  console.log(`Real text: ${MEDQUAD_ATTRIBUTION}, read from ${dir}.`);
  console.log(
    `Indexing ${indexed.length} MedQuAD ${unit === "topics" ? "topic documents" : "answers as documents"} (${totalWords.toLocaleString("en")} words, ` +
      `median ${pct(words, 50)} words per document); ${heldBack.length} documents held back as query text.`,
  );

  const scratch = await createBenchDatabase("plagiarism-real");
  const raw = new Database(scratch.file!);
  const db = createDb(scratch.url);

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ids = await importCorpusDocuments(db, null, indexed, {
    audit: false,
    onProgress: (n) => process.stdout.write(`  indexed ${n}/${indexed.length}\r`),
  });
  const buildMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  const buildLoad = os.loadavg()[0];
  process.stdout.write("\n");

  const sizes = raw.prepare(`SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as Array<{
    name: string;
    bytes: number;
  }>;
  const indexSizes = sizes.filter((s) => INDEX_TABLE.test(s.name));
  const indexBytes = indexSizes.reduce((n, s) => n + s.bytes, 0);
  console.log(
    `Index build (all stages): ${indexed.length} documents in ${(buildMs / 1000).toFixed(1)} s = ` +
      `${((indexed.length / buildMs) * 1000).toFixed(0)} documents/s wall clock, ` +
      `${((indexed.length / buildCpuMs) * 1000).toFixed(0)} per CPU-second of this process; ` +
      `${((totalWords / buildCpuMs) * 1000).toFixed(0)} words per CPU-second = ` +
      `${((totalWords / 1500 / buildCpuMs) * 1000).toFixed(0)} 1,500-word documents per CPU-second ` +
      `(target ≥ 200 documents/s; 1-min load average ${buildLoad.toFixed(1)} on ${os.cpus().length} cores)`,
  );
  console.log(
    `Index size: ${(indexBytes / 1024 / 1024).toFixed(1)} MB = ${(indexBytes / indexed.length / 1024).toFixed(1)} KB per document, ` +
      `${((indexBytes / totalWords) * 1.5).toFixed(1)} KB per 1,500 words (target ≤ 10 KB); ` +
      indexSizes
        .sort((a, b) => b.bytes - a.bytes)
        .map((s) => `${s.name} ${((s.bytes / totalWords) * 1.5).toFixed(1)} KB`)
        .join(", "),
  );

  // 2,000-word articles: held-back real text around three 50-word passages copied from indexed documents.
  const r = rng(11);
  const heldWords = heldBack.map((d) => d.text.split(/\s+/).filter(Boolean));
  const makeQuery = () => {
    const copied: number[] = [];
    const parts: string[] = [];
    const from = heldWords[Math.floor(r() * heldWords.length)];
    let own: string[] = from;
    while (own.length < 1850) own = own.concat(heldWords[Math.floor(r() * heldWords.length)]);
    for (let p = 0; p < 3; p++) {
      parts.push(own.slice(p * 600, p * 600 + 600).join(" "));
      let n: number;
      let src: string[];
      do {
        n = Math.floor(r() * indexed.length);
        src = indexed[n].text.split(/\s+/).filter(Boolean);
      } while (src.length < 60);
      const at = Math.floor(r() * (src.length - 50));
      parts.push(src.slice(at, at + 50).join(" "));
      copied.push(n);
    }
    parts.push(own.slice(1800, 1850).join(" "));
    return { text: parts.join("\n\n"), copied: copied.map((n) => ids[n]) };
  };
  const run = async (q: { text: string; copied: string[] }) => {
    const c0 = process.cpuUsage();
    const start = performance.now();
    const result = await matchText(db, q.text);
    const wall = performance.now() - start;
    const c = process.cpuUsage(c0);
    const named = new Set(result.matches.map((m) => m.source.id));
    const found = q.copied.filter((t) => named.has(t)).length;
    return { wall, cpu: (c.user + c.system) / 1000, found, others: named.size - new Set(q.copied).size };
  };
  await run(makeQuery()); // warm-up: JIT, page cache, word tables
  const wall: number[] = [];
  const cpuMs: number[] = [];
  let found = 0;
  let others = 0;
  for (let i = 0; i < queries; i++) {
    const res = await run(makeQuery());
    wall.push(res.wall);
    cpuMs.push(res.cpu);
    found += res.found;
    others += Math.max(0, res.others);
  }
  console.log(
    `Check of a 2,000-word article against ${indexed.length} documents, all stages (${queries} checks): ` +
      `p50 ${pct(wall, 50).toFixed(1)} ms, p95 ${pct(wall, 95).toFixed(1)} ms wall clock; ` +
      `CPU p50 ${pct(cpuMs, 50).toFixed(1)} ms (target p50 < 100 ms); copied sources named ${found}/${3 * queries}, ` +
      `other sources named ${(others / queries).toFixed(1)} per check (real text shares real passages too)`,
  );
  console.log(`Machine load at the end (1-min load average, ${os.cpus().length} cores): ${os.loadavg()[0].toFixed(1)}`);
  await db.$disconnect();
  raw.close();
  await scratch.drop();
}
