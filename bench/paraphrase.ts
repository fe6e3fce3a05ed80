// Reworded-passage benchmark: npm run bench:paraphrase [-- --documents 60 --positives 200 --controls 200]
// Imports the deterministic synthetic evaluation set (bench/paraphrase-set.ts) into a scratch database
// through the same code as `npm run corpus:import`, then checks every reworded copy and every unrelated
// control with matchText, once with both stages and once with the exact (winnowing) stage only.
// A reworded copy counts as found (true positive) when the document it came from is reported with passages
// covering at least half of the reworded paragraph (a stray exact run inside it is not "found"); every
// other reported source is a false positive. Coverage is also printed as a mean.
// Target: recall ≥ 0.9 at precision ≥ 0.95 with both stages.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../lib/db/client";
import { importCorpusDocuments } from "../lib/plagiarism/corpus";
import { matchText } from "../lib/plagiarism/match-text";
import { applyMigrations } from "../scripts/lib/schema-engine";
import { makeEvaluationSet } from "./paraphrase-set";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const set = makeEvaluationSet({
    documents: arg("documents", 60),
    positives: arg("positives", 200),
    controls: arg("controls", 200),
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-bench-paraphrase-"));
  // Migrate a template file and copy it (as tests do): the schema engine keeps its own connection open.
  const template = path.join(dir, "template.db");
  await applyMigrations(`file:${template}`);
  copyFileSync(template, path.join(dir, "bench.db"));
  const db = createDb(`file:${path.join(dir, "bench.db")}`);
  const ids = await importCorpusDocuments(
    db,
    null,
    set.documents.map((d) => ({ title: d.title, text: d.text })),
    { audit: false },
  );
  const rates = set.positives.map((p) => p.rate);
  console.log(
    `Evaluation set: ${set.documents.length} corpus documents (${set.documents.reduce((n, d) => n + d.paragraphs.length, 0)} paragraphs), ` +
      `${set.positives.length} reworded copies (${(100 * Math.min(...rates)).toFixed(0)}–${(100 * Math.max(...rates)).toFixed(0)} % of words edited: ` +
      `synonym swaps, drops, inserts, neighbour swaps), ${set.controls.length} unrelated controls.`,
  );

  for (const stages of ["both", "exact"] as const) {
    let tp = 0;
    let fp = 0;
    let rewordedPassages = 0;
    let coverageSum = 0;
    const times: number[] = [];
    for (const p of set.positives) {
      const t0 = performance.now();
      const result = await matchText(db, p.text, { stages });
      times.push(performance.now() - t0);
      const start = p.text.indexOf(p.passage);
      const end = start + p.passage.length;
      for (const m of result.matches) {
        if (m.source.id !== ids[p.documentIndex]) {
          fp++;
          continue;
        }
        let covered = 0;
        for (const x of m.passages)
          covered += Math.max(0, Math.min(end, x.ours.charEnd) - Math.max(start, x.ours.charStart));
        const coverage = covered / (end - start);
        coverageSum += Math.min(1, coverage);
        if (coverage >= 0.5) {
          tp++;
          if (m.passages.some((x) => x.kind === "reworded")) rewordedPassages++;
        }
      }
    }
    for (const c of set.controls) {
      const t0 = performance.now();
      const result = await matchText(db, c, { stages });
      times.push(performance.now() - t0);
      fp += result.matches.length;
    }
    const recall = tp / set.positives.length;
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    times.sort((a, b) => a - b);
    console.log(
      `${stages === "both" ? "Both stages (exact + reworded)" : "Exact stage only (baseline)  "}: recall ${recall.toFixed(3)} ` +
        `(${tp}/${set.positives.length}), precision ${precision.toFixed(3)} (${fp} false positives), ` +
        `mean coverage of the reworded paragraph ${(coverageSum / set.positives.length).toFixed(2)}, ` +
        `reported as reworded: ${rewordedPassages}; check p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms` +
        (stages === "both" ? "  (target recall ≥ 0.9 at precision ≥ 0.95)" : ""),
    );
  }
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
