// Formulas of the genre are no evidence against one source. Patient information repeats whole sentences
// ("Talk with your doctor about …", "Children do not need to stay off school"); two articles on unrelated topics
// that share them copied nothing from each other, and naming one as the source misleads the reviewer.
// A passage the exact stage finds is a formula, and is not reported, when
//   - fewer than MIN_PASSAGE_WORDS of its words are covered by 5-grams that are not stock phrases of medical
//     writing (learned from MedQuAD: medical-frequencies.ts), so a corpus of 30 documents knows them too; or
//   - it is shorter than FORMULA_MAX_WORDS and at least half of its words are in exact passages found in
//     FORMULA_SOURCES or more sources of the index (articles counted once): a sentence several unrelated sources
//     share is a formula
//     even when MedQuAD does not know it. A longer passage several sources share is still reported: a copied
//     paragraph stays a copy however many others copied it too.
// Reworded passages mostly made of formulas, and sentences mostly made of them, are left out as well.
import { MIN_PASSAGE_WORDS } from "./find-passages";
import { GUARANTEE } from "./winnow";
import type { WordRange } from "./reworded";

export const FORMULA_MAX_WORDS = 30;
export const FORMULA_SOURCES = 3;
/**
 * A source is named only when its passages cover at least this many of our words together: the winnowing
 * guarantee (every shared run this long is found). A lone 8- or 9-word match ("causes pain, swelling and
 * stiffness in the joints") is what two texts on one topic share by chance; it names nobody.
 */
export const MIN_SOURCE_WORDS = GUARANTEE;

export interface FormulaEvidence {
  /** Hash of every k-gram of our text (index = its first word). */
  ourHashes: Int32Array;
  stock: ReadonlySet<number>;
  /** Per word of our text: in how many sources' exact passages it is (candidates, one per article). */
  sharedBy: Uint16Array;
  k: number;
}

/** Counts, per word of our text, the sources whose exact passages contain it. */
export function countSharing(exactPerSource: WordRange[][], wordCount: number): Uint16Array {
  const out = new Uint16Array(wordCount);
  for (const ranges of exactPerSource) {
    const mine = wordsInRanges(ranges, wordCount);
    for (let i = 0; i < wordCount; i++) out[i] += mine[i];
  }
  return out;
}

export function isFormula(r: WordRange, e: FormulaEvidence): boolean {
  const covered = new Uint8Array(r.o1 - r.o0);
  for (let p = r.o0; p + e.k <= r.o1; p++) if (!e.stock.has(e.ourHashes[p])) covered.fill(1, p - r.o0, p - r.o0 + e.k);
  if (covered.reduce((a, b) => a + b, 0) < MIN_PASSAGE_WORDS) return true;
  if (r.o1 - r.o0 >= FORMULA_MAX_WORDS) return false;
  let shared = 0;
  for (let i = r.o0; i < r.o1; i++) if (e.sharedBy[i] >= FORMULA_SOURCES) shared++;
  return 2 * shared >= r.o1 - r.o0;
}

/** Which of our words lie in the ranges. */
export function wordsInRanges(ranges: WordRange[], wordCount: number): Uint8Array {
  const out = new Uint8Array(wordCount);
  for (const r of ranges) out.fill(1, r.o0, r.o1);
  return out;
}

/** Whether at least half of [start, end) is marked. */
export function mostlyMarked(marked: Uint8Array, start: number, end: number): boolean {
  let n = 0;
  for (let i = start; i < end; i++) n += marked[i];
  return 2 * n >= end - start;
}

/** Number of our words inside any of the ranges. */
export function coveredWordCount(ranges: WordRange[]): number {
  const spans = [...ranges].sort((a, b) => a.o0 - b.o0);
  let n = 0;
  let end = -1;
  for (const r of spans) {
    const from = Math.max(r.o0, end);
    if (r.o1 > from) n += r.o1 - from;
    end = Math.max(end, r.o1);
  }
  return n;
}
