// Copy-detection benchmark: npm run bench:paraphrase [-- --set dev|heldout|both] [-- --corpus <MedQuAD folder>]
// Two sets of patient-information texts, each with its author and date printed beside its scores:
//   - development (bench/fixtures/dev/paraphrase/): written by the matcher's author, the only set tuned on;
//   - held-out (bench/fixtures/heldout/paraphrase/): written by someone who never read the matcher, stored
//     before tuning; it is only ever read here. Run it (`--set heldout`, or the default `both`) once tuning
//     has stopped, and report every run.
// Each set has 30 sources with a light, a heavy and a patchwork copy each (a copied passage inside new
// surrounding text), 60 same-topic controls, and 20 pairs of unrelated articles that share stock phrases.
// The sources are imported into a scratch database through the same code as `npm run corpus:import`; every
// copy and control is checked with all stages (matchText). Per kind it prints:
//   found        — the copy's source is named with passages covering at least half of the copied passage;
//   above gate   — the check's overall similarity is at or above the publish gate's default threshold;
//   any passage  — any source is named at all (for controls: the false alarms a reviewer would have to read);
//   wrong source — a source other than the copy's own is named;
// and which stage found the passages. Stock-phrase pairs: all first articles are indexed and each second
// article checked, then the other way round; any source named is a wrong-source report.
// With `--corpus <dir>` (or MEDQUAD_DIR) the MedQuAD topic documents are indexed beside the sources as
// distractors (MedQuAD: Ben Abacha & Demner-Fushman 2019, BMC Bioinformatics 20:511; CC BY 4.0;
// github.com/abachaa/MedQuAD; read from that folder, never copied into the repository).
// Targets (held-out set): heavy found ≥ 0.7, light and patchwork ≥ 0.95, no control above the gate and at
// most 1 in 20 with any passage, no stock-phrase pair reported.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "../lib/db/client";
import { importCorpusDocuments } from "../lib/plagiarism/corpus";
import { matchText } from "../lib/plagiarism/match-text";
import type { PlagiarismResult } from "../lib/plagiarism/checker";
import { SETTING_DEFAULTS } from "../lib/settings/settings";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { loadMedquad, medquadDir, MEDQUAD_ATTRIBUTION } from "../scripts/lib/medquad";

type Kind = "light" | "heavy" | "patchwork";
interface CopySet {
  author: string;
  written: string;
  sources: Array<{ id: string; topic: string; text: string }>;
  copies: Array<{ sourceId: string; kind: Kind; text: string; copiedSpan: string }>;
  controls: Array<{ id: string; topic: string; sameTopicAs: string; text: string }>;
}
interface StockSet {
  author: string;
  written: string;
  pairs: Array<{ id: string; a: string; b: string }>;
}

const SETS = {
  dev: { dir: "bench/fixtures/dev/paraphrase", copies: "dev-set.json", stock: "dev-stock-phrases.json" },
  heldout: {
    dir: "bench/fixtures/heldout/paraphrase",
    copies: "heldout-set.json",
    stock: "heldout-stock-phrases.json",
  },
} as const;

const GATE = SETTING_DEFAULTS["plagiarism.thresholdPercent"];

function option(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};

let template: string | null = null;
async function scratchDb(dir: string, name: string): Promise<Db> {
  if (!template) {
    template = path.join(dir, "template.db");
    await applyMigrations(`file:${template}`);
  }
  const file = path.join(dir, `${name}.db`);
  copyFileSync(template, file);
  return createDb(`file:${file}`);
}

type Distractors = Array<{ title: string; text: string }>;

async function corpusOf(dir: string, name: string, docs: Array<{ title: string; text: string }>, extra: Distractors) {
  const db = await scratchDb(dir, name);
  const ids = await importCorpusDocuments(db, null, [...docs, ...extra], { audit: false });
  return { db, ids: ids.slice(0, docs.length) };
}

/** Share of [start, end) of the checked text covered by the passages matched with one source. */
function coverage(result: PlagiarismResult, sourceId: string, start: number, end: number): number {
  const m = result.matches.find((x) => x.source.id === sourceId);
  if (!m) return 0;
  const covered = new Uint8Array(end - start);
  for (const p of m.passages)
    for (let i = Math.max(start, p.ours.charStart); i < Math.min(end, p.ours.charEnd); i++) covered[i - start] = 1;
  return covered.reduce((a, b) => a + b, 0) / (end - start);
}

const stagesOf = (result: PlagiarismResult, sourceId: string | null) => {
  const kinds = new Set<string>();
  for (const m of result.matches)
    if (sourceId === null || m.source.id === sourceId) for (const p of m.passages) kinds.add(p.kind ?? "exact");
  return kinds;
};

async function runSet(name: keyof typeof SETS, work: string, distractors: Distractors) {
  const spec = SETS[name];
  const set = JSON.parse(readFileSync(path.join(spec.dir, spec.copies), "utf8")) as CopySet;
  const stock = JSON.parse(readFileSync(path.join(spec.dir, spec.stock), "utf8")) as StockSet;
  console.log(
    `\n== ${name === "dev" ? "Development" : "Held-out"} set (${spec.dir}): ${set.sources.length} sources, ` +
      `${set.copies.length} copies, ${set.controls.length} controls — written by ${set.author}, ${set.written}; ` +
      `stock-phrase pairs: ${stock.pairs.length}, by ${stock.author}, ${stock.written}` +
      (distractors.length ? `; ${distractors.length} MedQuAD documents indexed beside the sources` : ""),
  );
  const { db, ids } = await corpusOf(
    work,
    `${name}-sources`,
    set.sources.map((s) => ({ title: s.id, text: s.text })),
    distractors,
  );
  const idOf = new Map(set.sources.map((s, i) => [s.id, ids[i]]));
  const times: number[] = [];
  const check = async (text: string) => {
    const t0 = performance.now();
    const result = await matchText(db, text);
    times.push(performance.now() - t0);
    return result;
  };

  console.log("kind        found   above gate  any passage  wrong source  mean coverage  found by stage");
  const misses: string[] = [];
  for (const kind of ["light", "heavy", "patchwork"] as const) {
    const copies = set.copies.filter((c) => c.kind === kind);
    let found = 0;
    let gate = 0;
    let any = 0;
    let wrong = 0;
    let coverageSum = 0;
    const byStage = new Map<string, number>();
    for (const c of copies) {
      const result = await check(c.text);
      const own = idOf.get(c.sourceId)!;
      const start = c.text.indexOf(c.copiedSpan);
      const cov = coverage(result, own, start, start + c.copiedSpan.length);
      coverageSum += Math.min(1, cov);
      if (cov >= 0.5) {
        found++;
        const stages = [...stagesOf(result, own)].sort().join("+");
        byStage.set(stages, (byStage.get(stages) ?? 0) + 1);
      } else misses.push(`${kind} ${c.sourceId} (coverage ${(100 * cov).toFixed(0)} %)`);
      if (result.similarity >= GATE) gate++;
      if (result.matches.length) any++;
      if (result.matches.some((m) => m.source.id !== own)) wrong++;
    }
    const n = copies.length;
    console.log(
      `${kind.padEnd(10)}  ${`${found}/${n}`.padEnd(6)}  ${`${gate}/${n}`.padEnd(10)}  ${`${any}/${n}`.padEnd(11)}  ` +
        `${`${wrong}/${n}`.padEnd(12)}  ${(coverageSum / n).toFixed(2).padEnd(13)}  ` +
        [...byStage].map(([k, v]) => `${k} ${v}`).join(", ") +
        `   (recall ${(found / n).toFixed(2)})`,
    );
  }
  let ctlGate = 0;
  let ctlAny = 0;
  const flagged: string[] = [];
  for (const c of set.controls) {
    const result = await check(c.text);
    if (result.similarity >= GATE) ctlGate++;
    if (result.matches.length) {
      ctlAny++;
      flagged.push(
        `${c.id} → ${result.matches.map((m) => `${m.source.title} ${m.percent}% [${[...stagesOf(result, m.source.id)].join("+")}]`).join(", ")}`,
      );
    }
  }
  const nc = set.controls.length;
  console.log(
    `controls    —       ${`${ctlGate}/${nc}`.padEnd(10)}  ${`${ctlAny}/${nc}`.padEnd(11)}  ` +
      `(target: 0 above the gate of ${GATE} %, at most ${Math.floor(nc / 20)} with any passage)`,
  );
  if (misses.length) console.log(`  not found: ${misses.join("; ")}`);
  for (const f of flagged) console.log(`  control with a passage: ${f}`);
  console.log(`  check p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  await db.$disconnect();

  // Stock phrases: index one side of every pair, check the other side, both ways round.
  const reported = new Set<string>();
  const details: string[] = [];
  for (const [from, to] of [
    ["a", "b"],
    ["b", "a"],
  ] as const) {
    const side = await corpusOf(
      work,
      `${name}-stock-${from}`,
      stock.pairs.map((p) => ({ title: `${p.id}.${from}`, text: p[from] })),
      [],
    );
    for (const p of stock.pairs) {
      const result = await matchText(side.db, p[to]);
      if (result.matches.length) {
        reported.add(p.id);
        details.push(
          `${p.id}.${to} → ${result.matches.map((m) => `${m.source.title} ${m.percent}% [${[...stagesOf(result, m.source.id)].join("+")}]`).join(", ")}`,
        );
      }
    }
    await side.db.$disconnect();
  }
  console.log(
    `stock-phrase pairs with a wrong-source report: ${reported.size}/${stock.pairs.length} (target 0)` +
      (details.length ? `\n  ${details.join("\n  ")}` : ""),
  );
}

async function main() {
  const which = option("set") ?? "both";
  if (!["dev", "heldout", "both"].includes(which)) throw new Error("--set takes dev, heldout or both");
  const names = (which === "both" ? ["dev", "heldout"] : [which]) as Array<keyof typeof SETS>;
  for (const n of names)
    if (!existsSync(path.join(SETS[n].dir, SETS[n].copies)))
      throw new Error(`Missing ${SETS[n].dir}/${SETS[n].copies}`);
  const mq = medquadDir();
  const distractors: Distractors = mq
    ? loadMedquad(mq).map((d) => ({ title: d.focus || d.id, text: d.answers.map((a) => a.answer).join("\n\n") }))
    : [];
  if (mq) console.log(`Distractors: ${MEDQUAD_ATTRIBUTION}, read from ${mq}.`);
  console.log(`Publish gate: overall similarity ≥ ${GATE} % (the default plagiarism threshold).`);
  const work = mkdtempSync(path.join(os.tmpdir(), "imprimatur-bench-paraphrase-"));
  try {
    for (const n of names) await runSet(n, work, distractors);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
