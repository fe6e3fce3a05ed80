// Reads MedQuAD for the benches that measure on real text (bench:plagiarism, bench:checks, bench:search,
// bench:paraphrase and scripts/build-medquad-tables.ts).
//
// MedQuAD: 47,457 question–answer pairs from 12 NIH websites (cancer.gov, Genetics Home Reference, MedlinePlus,
// NIDDK, NINDS, NIHSeniorHealth, NHLBI, CDC, GARD, …), one XML document per topic. Asma Ben Abacha and Dina
// Demner-Fushman, "A question-entailment approach to question answering", BMC Bioinformatics 20, 511 (2019),
// https://doi.org/10.1186/s12859-019-3119-4; dataset https://github.com/abachaa/MedQuAD. Licence: Creative
// Commons Attribution 4.0 International (CC BY 4.0). Its text is never copied into this repository: the benches
// read a local copy from the folder named by `--corpus <dir>` or the MEDQUAD_DIR environment variable, and say
// so and exit 0 when there is none.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const MEDQUAD_ATTRIBUTION =
  "MedQuAD (Ben Abacha & Demner-Fushman 2019, BMC Bioinformatics 20:511; CC BY 4.0; github.com/abachaa/MedQuAD)";

export interface MedquadAnswer {
  qid: string;
  qtype: string;
  question: string;
  answer: string;
}

export interface MedquadDocument {
  /** Collection folder and document id, e.g. "5_NIDDK_QA/0000001". */
  id: string;
  collection: string;
  source: string;
  url: string | null;
  focus: string;
  answers: MedquadAnswer[];
}

function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** Collapses the scraper's indentation: blank-line-separated paragraphs, single spaces inside them. */
function tidy(s: string): string {
  return decode(s)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

export function parseMedquadXml(xml: string, collection: string, file: string): MedquadDocument {
  const head = /<Document\b([^>]*)>/.exec(xml)?.[1] ?? "";
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(head)?.[1] ?? null;
  const answers: MedquadAnswer[] = [];
  for (const m of xml.matchAll(/<QAPair\b[^>]*>([\s\S]*?)<\/QAPair>/g)) {
    const q = /<Question\b([^>]*)>([\s\S]*?)<\/Question>/.exec(m[1]);
    const a = /<Answer>([\s\S]*?)<\/Answer>/.exec(m[1]);
    if (!q || !a) continue;
    const answer = tidy(a[1]);
    if (!answer) continue;
    answers.push({
      qid: /qid="([^"]*)"/.exec(q[1])?.[1] ?? "",
      qtype: /qtype="([^"]*)"/.exec(q[1])?.[1] ?? "",
      question: tidy(q[2]),
      answer,
    });
  }
  return {
    id: `${collection}/${file.replace(/\.xml$/, "")}`,
    collection,
    source: attr("source") ?? collection,
    url: attr("url"),
    focus: tidy(/<Focus>([\s\S]*?)<\/Focus>/.exec(xml)?.[1] ?? ""),
    answers,
  };
}

/** The MedQuAD folder from `--corpus <dir>` or MEDQUAD_DIR, or null (then the caller says so and exits 0). */
export function medquadDir(argv: string[] = process.argv): string | null {
  const i = argv.indexOf("--corpus");
  const dir = i >= 0 ? argv[i + 1] : process.env.MEDQUAD_DIR;
  if (!dir) return null;
  const resolved = path.resolve(dir);
  return existsSync(resolved) && statSync(resolved).isDirectory() ? resolved : null;
}

/** Every document with at least one answer, in a stable order (collection folder, then file name). */
export function loadMedquad(dir: string): MedquadDocument[] {
  const out: MedquadDocument[] = [];
  const collections = readdirSync(dir)
    .filter((d) => statSync(path.join(dir, d)).isDirectory())
    .sort();
  for (const c of collections) {
    const files = readdirSync(path.join(dir, c))
      .filter((f) => f.endsWith(".xml"))
      .sort();
    for (const f of files) {
      const doc = parseMedquadXml(readFileSync(path.join(dir, c, f), "utf8"), c, f);
      if (doc.answers.length) out.push(doc);
    }
  }
  return out;
}

/** Prints why a bench cannot measure on real text and how to give it the corpus. */
export function explainMissingMedquad(bench: string): void {
  console.log(
    `${bench}: no MedQuAD folder given (--corpus <dir> or MEDQUAD_DIR), so the real-text measurements are skipped. ` +
      `Get it from https://github.com/abachaa/MedQuAD (${MEDQUAD_ATTRIBUTION}).`,
  );
}
