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

export function tokenize(text: string): Tokens {
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
