// Content-checks benchmark: npm run bench:checks [-- --words 10000 --runs 21]
// A deterministic 10,000-word condition article (real English words drawn from the dictionary, Zipf-like,
// headings, lists, citations, a few misspellings) checked by every rule. Each run builds a fresh word
// checker (as a request does: the project dictionary is read per check), so the per-word cache starts cold.
// Target: < 100 ms per check. The English dictionary is loaded once per process; its load time
// is printed separately.
//
// Real text: with `--corpus <MedQuAD folder>` (or MEDQUAD_DIR) it also spell-checks every MedQuAD answer, i.e.
// professionally edited health text (MedQuAD: Ben Abacha & Demner-Fushman 2019, BMC Bioinformatics 20:511;
// CC BY 4.0; github.com/abachaa/MedQuAD; read from that folder, never copied into the repository), and prints
// spelling findings per 1,000 words — each one a false positive, except the words the dataset's scraper ran
// together ("symptomsthe") or whose apostrophe it lost ("doesnt"), which are counted apart —
// with the most frequent flagged words.
import { readFileSync } from "node:fs";
import path from "node:path";
import { runContentChecks } from "../lib/checks/run-checks";
import { createWordChecker, englishSpeller, misspellings, type WordChecker } from "../lib/checks/spelling";
import type { TextBlock } from "../lib/content/document-blocks";
import { explainMissingMedquad, loadMedquad, medquadDir, MEDQUAD_ATTRIBUTION } from "../scripts/lib/medquad";
import { makeSampler, rng } from "./synthetic-text";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const WORDS = arg("words", 10_000);
const RUNS = arg("runs", 21);

function buildArticle() {
  const r = rng(99);
  const dic = readFileSync(path.join(process.cwd(), "node_modules", "dictionary-en", "index.dic"), "utf8")
    .split("\n")
    .slice(1)
    .map((l) => l.split("/")[0])
    .filter((w) => /^[a-z]{2,}$/.test(w));
  const vocab: string[] = [];
  for (let i = 0; i < 6000; i++) vocab.push(dic[Math.floor(r() * dic.length)]);
  const sample = makeSampler(["the", "of", "and", "a", "to", "in", "is", "with", ...vocab], r);
  const typos = ["recieve", "calcium", "definately", "occured", "seperate"];
  const p = (text: string, refKey?: string) => ({
    type: "paragraph",
    content: [{ type: "text", text }, ...(refKey ? [{ type: "citation", attrs: { refKey } }] : [])],
  });
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => (r() < 0.002 ? typos[Math.floor(r() * typos.length)] : sample()));
    return words.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
  };
  const sections = ["What is calcinosis cutis?", "Types", "Causes", "Symptoms", "Diagnosis", "Treatment", "Outlook"];
  const content: object[] = [];
  let words = 0;
  let s = 0;
  while (words < WORDS) {
    content.push({
      type: "heading",
      attrs: { level: 2 },
      content: [{ type: "text", text: `${sections[s % sections.length]} ${s >= sections.length ? s : ""}`.trim() }],
    });
    s++;
    for (let k = 0; k < 4 && words < WORDS; k++) {
      const text = Array.from({ length: 5 }, () => sentence(12 + Math.floor(r() * 10))).join(" ");
      words += text.split(" ").length;
      content.push(p(text, k === 0 ? `ref${s % 10}` : undefined));
    }
    content.push(p("Signs include:"));
    content.push({
      type: "bulletList",
      content: [1, 2, 3].map(() => ({ type: "listItem", content: [p(sentence(6))] })),
    });
    words += 20;
  }
  return {
    title: "Calcinosis cutis",
    summary: "Calcium deposits in the skin. This article does not provide medical advice.",
    conditionName: "Calcinosis cutis",
    body: { type: "doc", content },
    references: Array.from({ length: 12 }, (_, i) => ({
      key: `ref${i}`,
      title: `Reference ${i}`,
      url: i === 11 ? null : `https://example.org/${i}`,
    })),
  };
}

function main() {
  const t0 = performance.now();
  englishSpeller();
  const loadMs = performance.now() - t0;
  const article = buildArticle();
  const bodyJson = JSON.stringify(article.body);
  const times: number[] = [];
  let findings = 0;
  let first = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    // As in a request: the body arrives as JSON text and the word checker is new.
    const result = runContentChecks({ ...article, body: bodyJson }, { words: createWordChecker(["zorblax"]) });
    times.push(performance.now() - start);
    if (i === 0) first = times[0];
    findings = result.findings.length;
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)];
  const max = times[times.length - 1];
  console.log(
    `Content checks on a ${WORDS.toLocaleString("en")}-word article (${article.body.content.length} blocks, ${findings} findings), ${RUNS} runs:`,
  );
  console.log(
    `  p50 ${p50.toFixed(1)} ms, slowest ${max.toFixed(1)} ms (first run ${first.toFixed(1)} ms, before the JIT warms up) (target < 100 ms); English dictionary load once per process: ${loadMs.toFixed(0)} ms`,
  );
}

/**
 * A flagged word the dataset's scraper damaged rather than a misspelling: two dictionary words run together
 * where a dash or space was dropped ("symptomsthe", "radiologista"), or a contraction whose apostrophe was lost
 * ("doesnt").
 */
function scraperDamage(word: string, checker: WordChecker): boolean {
  for (let i = 2; i <= word.length - 1; i++) {
    const tail = word.slice(i);
    if ((tail.length >= 2 || tail === "a") && checker.correct(word.slice(0, i)) && checker.correct(tail)) return true;
  }
  for (let i = Math.max(1, word.length - 3); i < word.length; i++)
    if (checker.correct(`${word.slice(0, i)}'${word.slice(i)}`)) return true;
  return false;
}

function realText() {
  const dir = medquadDir();
  if (!dir) return explainMissingMedquad("bench:checks (spelling on real text)");
  const checker = createWordChecker();
  let words = 0;
  let flagged = 0;
  let glued = 0;
  const counts = new Map<string, number>();
  const t0 = performance.now();
  for (const doc of loadMedquad(dir))
    for (const a of doc.answers) {
      const paragraphs = a.answer.split("\n\n");
      paragraphs.forEach((text, i) => {
        words += text.split(/\s+/).filter(Boolean).length;
        const block: TextBlock = {
          blockIndex: i,
          path: [i],
          type: "paragraph",
          text,
          inQuote: false,
          listDepth: 0,
          citations: [],
          links: [],
          followedByList: false,
        };
        for (const f of misspellings([block], checker)) {
          const w = f.subject ?? "";
          if (scraperDamage(w, checker)) glued++;
          else {
            flagged++;
            counts.set(w, (counts.get(w) ?? 0) + 1);
          }
        }
      });
    }
  const ms = performance.now() - t0;
  console.log(`\nSpelling on real text: ${MEDQUAD_ATTRIBUTION}, read from ${dir}.`);
  console.log(
    `  ${words.toLocaleString("en")} words checked in ${(ms / 1000).toFixed(1)} s: ` +
      `${((1000 * flagged) / words).toFixed(2)} flagged words per 1,000 words (false positives: the text is edited), ` +
      `plus ${((1000 * glued) / words).toFixed(2)} per 1,000 damaged by the dataset's scraper (words run together, ` +
      `apostrophes lost) ` +
      `(counted once per paragraph; ${counts.size} distinct words flagged)`,
  );
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40);
  console.log(`  most often flagged: ${top.map(([w, n]) => `${w} ${n}`).join(", ")}`);
}

main();
realText();
