// How common words and phrases are in medical writing, learned from MedQuAD (scripts/build-medquad-tables.ts
// writes the two tables in lib/plagiarism/data/; their headers say where MedQuAD comes from and its licence).
// The live corpus cannot tell: with 30 documents every word is rare and no phrase is stock.
//   - Word frequencies weigh the terms of the rewritten-text stage: sharing "gout" and "uric acid" says far
//     more than sharing "doctor" and "treatment" (inverse document frequency, ln(N / df)).
//   - Stock phrases are word 5-grams found in many MedQuAD documents from several of its websites ("talk with
//     your doctor about", "is a condition in which"): such a 5-gram is never evidence of copying from anyone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { kgramHashes } from "./winnow";

/**
 * A table's text. The two shipped files are named by whole static paths so that the build traces exactly them (a
 * path built from a variable makes it trace the whole project); a folder given in IMPRIMATUR_PLAGIARISM_DATA_DIR
 * is read at run time only.
 */
function readDataFile(name: typeof WORD_FREQUENCY_FILE | typeof STOCK_PHRASE_FILE): string {
  const dir = process.env.IMPRIMATUR_PLAGIARISM_DATA_DIR;
  if (dir) return readFileSync(path.join(/* turbopackIgnore: true */ dir, name), "utf8");
  return name === WORD_FREQUENCY_FILE
    ? readFileSync(path.join(process.cwd(), "lib", "plagiarism", "data", "medquad-word-frequencies.tsv"), "utf8")
    : readFileSync(path.join(process.cwd(), "lib", "plagiarism", "data", "medquad-stock-phrases.tsv"), "utf8");
}

interface Table {
  rows: string[][];
  header: Map<string, string>;
}

/** Tab-separated rows; "# name: value" lines before them are the header. */
function readTable(name: typeof WORD_FREQUENCY_FILE | typeof STOCK_PHRASE_FILE): Table {
  const header = new Map<string, string>();
  const rows: string[][] = [];
  for (const line of readDataFile(name).split("\n")) {
    if (!line) continue;
    if (line.startsWith("#")) {
      const m = /^#\s*([\w-]+):\s*(.*)$/.exec(line);
      if (m) header.set(m[1], m[2].trim());
      continue;
    }
    rows.push(line.split("\t"));
  }
  return { rows, header };
}

export const WORD_FREQUENCY_FILE = "medquad-word-frequencies.tsv";
export const STOCK_PHRASE_FILE = "medquad-stock-phrases.tsv";

interface WordFrequencies {
  documents: number;
  /** Lemmas rarer than this many documents are not listed: they count as this rare. */
  minDocuments: number;
  df: Map<string, number>;
}

let words: WordFrequencies | null = null;

function wordFrequencies(): WordFrequencies {
  if (!words) {
    const t = readTable(WORD_FREQUENCY_FILE);
    words = {
      documents: Number(t.header.get("documents")),
      minDocuments: Number(t.header.get("min-documents")),
      df: new Map(t.rows.map(([lemma, df]) => [lemma, Number(df)])),
    };
  }
  return words;
}

/** Inverse document frequency of a lemma in medical writing: ln(N / df); unlisted lemmas count as rare. */
export function medicalIdf(lemma: string): number {
  const w = wordFrequencies();
  const df = w.df.get(lemma) ?? w.minDocuments / 2;
  return Math.log(w.documents / df);
}

let stock: Set<number> | null = null;

/** Hashes (winnow.ts, k = 5) of the stock 5-grams of medical writing. */
export function stockPhraseHashes(): ReadonlySet<number> {
  if (!stock) {
    stock = new Set();
    for (const [phrase] of readTable(STOCK_PHRASE_FILE).rows) {
      const h = kgramHashes(phrase.split(" "), 5);
      if (h.length === 1) stock.add(h[0]);
    }
  }
  return stock;
}
