// Normalisation for fingerprinting. A copied passage should match whatever its typography: Unicode
// compatibility forms (NFKC folds ligatures, full-width letters, superscript digits), case, punctuation and
// whitespace are all ignored. We keep each word's character offsets in the ORIGINAL text so that a matched
// word range can be shown (highlighted) exactly where it is in what the person wrote.

export interface Tokens {
  /** Normalised words (NFKC, lower case, apostrophes dropped: "Don’t" → "dont"). */
  words: string[];
  /** Offset of each word's first character in the original text. */
  starts: number[];
  /** Offset one past each word's last character in the original text. */
  ends: number[];
}

// A word is a run of letters/digits, possibly joined by apostrophes ("patient's", "don’t"). Hyphens,
// slashes and every other punctuation split words, so "calcium-phosphate" and "calcium phosphate" match.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
const APOSTROPHES = /['’ʼ]/g;

const NON_ASCII = /[^\x00-\x7f]/;

export function normaliseWord(raw: string): string {
  // Fast path: plain ASCII words are already in NFKC form (most English text; normalize() is the costliest
  // step of indexing otherwise).
  if (!NON_ASCII.test(raw)) {
    const lower = raw.toLowerCase();
    return lower.includes("'") ? lower.replace(APOSTROPHES, "") : lower;
  }
  return raw.normalize("NFKC").toLowerCase().replace(APOSTROPHES, "");
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
}

/** Length in UTF-16 units of the word character starting at i, or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  const len = cp > 0xffff ? 2 : 1;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? len : 0;
}

/**
 * Same words as the WORD regular expression above, found by a hand-written scanner: indexing spends most of
 * its time here, and a regex match array per word was the largest source of garbage (see bench/plagiarism.ts).
 */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = wordCharAt(text, i);
    if (!first) {
      i++;
      continue;
    }
    const start = i;
    i += first;
    for (;;) {
      const len = i < n ? wordCharAt(text, i) : 0;
      if (len) {
        i += len;
        continue;
      }
      // An apostrophe joins two runs of word characters ("don’t"); a trailing one is not part of the word.
      if (i + 1 < n && isApostrophe(text.charCodeAt(i))) {
        const next = wordCharAt(text, i + 1);
        if (next) {
          i += 1 + next;
          continue;
        }
      }
      break;
    }
    const w = normaliseWord(text.slice(start, i));
    if (!w) continue;
    words.push(w);
    starts.push(start);
    ends.push(i);
  }
  return { words, starts, ends };
}

/** The reference definition (a regular expression); tokenize() must find exactly the same words. */
export function tokenizeWithRegex(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = normaliseWord(m[0]);
    if (!w) continue;
    words.push(w);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts, ends };
}

/** Normalised text, words separated by single spaces (what the parameters call the normal form). */
export function normaliseText(text: string): string {
  return tokenize(text).words.join(" ");
}
