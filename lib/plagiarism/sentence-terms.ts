// Sentences and their terms, the unit the rewritten-text stage (rewritten.ts) compares. A heavy rewrite splits
// and merges sentences, swaps voice and word classes and replaces words by synonyms, so each sentence is
// reduced to a set of terms: content words (stop words dropped) brought to their lemma by wink-lemmatizer
// ("lowered" → "lower", "kidneys" → "kidney"), WordNet multiword terms taken as one ("high blood pressure",
// "uric acid"), each with the WordNet concepts it can stand for (wordnet-table.ts) and a weight, its inverse
// document frequency in medical writing (medical-frequencies.ts).
// Word positions are indexes into tokenize().words, the same word list every passage is reported in.
import lemmatize from "wink-lemmatizer";
import { STOP_WORDS } from "./content-words";
import { medicalIdf } from "./medical-frequencies";
import type { Tokens } from "./tokenize";
import { wordnetTable, type WordnetTable } from "./wordnet-table";

/**
 * Words that carry no topic besides the stop words of the reworded stage: verbs and adverbs any sentence can
 * take ("get", "make", "often") and pronoun-like nouns. Leaving them in would let any two sentences match a bit.
 */
const EXTRA_STOP_WORDS = new Set(
  (
    "nobody everyone everybody everything someone somebody anybody nothing anywhere somewhere get got make made " +
    "take taken use used way thing things lot lots often usually sometimes several well still already also " +
    "many mostly include includes including"
  ).split(" "),
);

export function isStageThreeStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || EXTRA_STOP_WORDS.has(word);
}

export interface Term {
  /** Lemma (multiword terms joined by "_"). */
  lemma: string;
  /** Synonyms share it ("physician" → "doctor"): what the index's sentence sketches hash. */
  key: string;
  /** Entry in the WordNet table, or -1. */
  entry: number;
  weight: number;
  /** First and one-past-last word (tokenize() index) of the words this term stands for. */
  start: number;
  end: number;
}

export interface Sentence {
  /** Word range [start, end) in tokenize().words. */
  start: number;
  end: number;
  /** Distinct terms (by key), heaviest first. */
  terms: Term[];
  weight: number;
}

const LEMMA_CACHE = new Map<string, string>();
const LEMMA_CACHE_MAX = 200_000;

/**
 * The lemma of a normalised word: the first of its noun, verb and adjective lemmas that differs from the word
 * (wink-lemmatizer only changes a word into a base form its lexicon knows), else the word itself.
 */
export function lemmaOf(word: string): string {
  let lemma = LEMMA_CACHE.get(word);
  if (lemma === undefined) {
    lemma = word;
    if (/^[a-z]+$/.test(word))
      for (const f of [lemmatize.noun, lemmatize.verb, lemmatize.adjective]) {
        const l = f(word);
        // "discuss" is not the plural of "discus".
        if (f === lemmatize.noun && word.endsWith("ss") && l === word.slice(0, -1)) continue;
        if (l !== word) {
          lemma = l;
          break;
        }
      }
    if (LEMMA_CACHE.size >= LEMMA_CACHE_MAX) LEMMA_CACHE.clear();
    LEMMA_CACHE.set(word, lemma);
  }
  return lemma;
}

const WEIGHT_CACHE = new Map<string, number>();

function weightOf(lemma: string): number {
  let w = WEIGHT_CACHE.get(lemma);
  if (w === undefined) {
    // Numbers are facts a rewrite restates ("a quarter" for "one in four"), not topic words: weighed lightly.
    w = /^\d+$/.test(lemma) ? 0.5 : medicalIdf(lemma);
    if (WEIGHT_CACHE.size >= LEMMA_CACHE_MAX) WEIGHT_CACHE.clear();
    WEIGHT_CACHE.set(lemma, w);
  }
  return w;
}

interface WordInfo {
  lemma: string;
  key: string;
  entry: number;
}

// word → its lemma, key and WordNet entry (null for a stop word): most of a text's words were seen before.
const WORD_INFO = new Map<string, WordInfo | null>();

function infoOf(table: WordnetTable, lemma: string): WordInfo {
  const entry = table.entryOf.get(lemma) ?? -1;
  return { lemma, key: (entry >= 0 && table.keys[entry]) || lemma, entry };
}

function wordInfo(table: WordnetTable, word: string): WordInfo | null {
  let info = WORD_INFO.get(word);
  if (info === undefined) {
    info = null;
    if (word.length >= 2 && !isStageThreeStopWord(word)) {
      const lemma = lemmaOf(word);
      if (!isStageThreeStopWord(lemma)) info = infoOf(table, lemma);
    }
    if (WORD_INFO.size >= LEMMA_CACHE_MAX) WORD_INFO.clear();
    WORD_INFO.set(word, info);
  }
  return info;
}

/**
 * The longest WordNet multiword term starting at word i ("high blood pressure", "kidney stones" → "kidney_stone":
 * its last word lemmatised), of at least two words that are not stop words, the first among them; with its
 * length in words.
 */
function multiwordAt(
  table: WordnetTable,
  words: readonly string[],
  i: number,
  end: number,
): { info: WordInfo; length: number } | null {
  // Multiword lemmas that start with a stop word are phrases ("a few", "of course"), not terms.
  let node = table.multiwords.next.get(words[i]);
  if (!node || isStageThreeStopWord(words[i])) return null;
  let content = 1;
  let found: { info: WordInfo; length: number } | null = null;
  for (let k = i + 1; k < end && node; k++) {
    if (node.ends.size > 0) {
      const last = lemmaOf(words[k]);
      const lemma = node.ends.get(last);
      if (lemma !== undefined && content + (isStageThreeStopWord(last) ? 0 : 1) >= 2)
        found = { info: infoOf(table, lemma), length: k - i + 1 };
    }
    if (!isStageThreeStopWord(words[k])) content++;
    node = node.next.get(words[k]);
  }
  return found;
}

const NEWLINE = 10;
const PERIOD = 46;

/** Word ranges of the sentences: a break after . ! ? ; : before a capital or digit, or a line break. */
export function sentenceRanges(text: string, tokens: Tokens): Array<[number, number]> {
  const { words, starts, ends } = tokens;
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < words.length; i++) {
    let boundary = i === words.length - 1;
    if (!boundary) {
      let period = false;
      for (let c = ends[i]; c < starts[i + 1] && !boundary; c++) {
        const ch = text.charCodeAt(c);
        if (ch === NEWLINE || ch === 33 /* ! */ || ch === 63 /* ? */ || ch === 59 /* ; */ || ch === 58 /* : */)
          boundary = true;
        else if (ch === PERIOD) period = true;
      }
      if (!boundary && period) {
        const next = text.charCodeAt(starts[i + 1]);
        const nextIsDigit = next >= 48 && next <= 57;
        const nextIsLower = next >= 97 && next <= 122;
        // "2.5 mg" and "e.g. aspirin" are not sentence ends.
        boundary = !(nextIsDigit && /^\d+$/.test(words[i])) && !nextIsLower;
      }
    }
    if (!boundary) continue;
    // A fragment of one or two words ("Dr.", a list marker) joins the sentence before it.
    if (i + 1 - start < 3 && out.length) out[out.length - 1][1] = i + 1;
    else out.push([start, i + 1]);
    start = i + 1;
  }
  return out;
}

/**
 * The sentences of a text with their terms. `weigh: false` leaves every weight 0 (what the script that learns
 * the word frequencies needs: it cannot read the table it is writing).
 */
export function sentenceTerms(text: string, tokens: Tokens, options: { weigh?: boolean } = {}): Sentence[] {
  const weigh = options.weigh !== false;
  const table = wordnetTable();
  const { words } = tokens;
  const sentences: Sentence[] = [];
  for (const [start, end] of sentenceRanges(text, tokens)) {
    const terms: Term[] = [];
    const keys = new Set<string>();
    for (let i = start; i < end; i++) {
      const multi = multiwordAt(table, words, i, end);
      const info = multi ? multi.info : wordInfo(table, words[i]);
      const length = multi ? multi.length : 1;
      if (info && !keys.has(info.key)) {
        keys.add(info.key);
        const weight = weigh ? weightOf(info.lemma) : 0;
        terms.push({ lemma: info.lemma, key: info.key, entry: info.entry, weight, start: i, end: i + length });
      }
      i += length - 1;
    }
    terms.sort((a, b) => b.weight - a.weight);
    let weight = 0;
    for (const t of terms) weight += t.weight;
    sentences.push({ start, end, terms, weight });
  }
  return sentences;
}
