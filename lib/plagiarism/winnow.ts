// Winnowing (Schleimer, Wilkerson & Aiken, "Winnowing: local algorithms for document fingerprinting",
// SIGMOD 2003) over WORD k-grams.
//
// Choosing k and w. The paper's two thresholds are
//   - the noise threshold k: a shared run shorter than k words is never reported, and
//   - the guarantee threshold t = w + k − 1: any shared run of at least t words IS reported, because every
//     window of w consecutive k-gram hashes inside it is the same in both texts, and winnowing keeps the
//     minimum of every window.
// Medical prose shares many 3–4 word formulas ("talk to your doctor", "is caused by a") that are not
// plagiarism, so k = 5: matches of five words or more are the least that can count. For t we want a copied
// half-sentence to be caught for certain; English sentences in patient information run 15–25 words, so
// t = 10 words (w = 6) catches a copied clause even when the writer changed every 10th word or so, while a
// wider window keeps the index small: winnowing keeps about 2/(w+1) of the k-grams, i.e. ~0.29 fingerprints
// per word (≈ 430 rows for a 1,500-word text) instead of one per word.
//
// Hashes. Each word is hashed once (FNV-1a, 32-bit); a k-gram's hash is a polynomial rolling hash of its
// word hashes mod 2^32, passed through MurmurHash3's finaliser so that the minimum of a window is an
// unbiased pick. Values are stored as signed 32-bit integers (they fit the SQLite/Prisma Int column).
// Two different k-grams can share a 32-bit hash (about 1 in 4·10^9 per pair); matching therefore re-checks
// the actual words before reporting anything (see find-passages.ts), so collisions cost time, never truth.

export const K = 5;
export const W = 6;
export const GUARANTEE = W + K - 1;

export interface WinnowParams {
  k: number;
  w: number;
}
export const DEFAULT_PARAMS: WinnowParams = { k: K, w: W };

export interface FingerprintHit {
  /** Signed 32-bit hash of the k-gram. */
  hash: number;
  /** Index of the k-gram's first word in the normalised word list. */
  position: number;
}

export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const BASE = 0x01000193;

/** Hash of every k-gram (index i = k-gram starting at word i), signed 32-bit. */
export function kgramHashes(words: readonly string[], k: number = K): Int32Array {
  const n = words.length - k + 1;
  if (n <= 0) return new Int32Array(0);
  const wh = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = hashWord(words[i]);
  // BASE^(k-1) mod 2^32, to remove the outgoing word when the window rolls.
  let top = 1;
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + wh[i]) | 0;
  const out = new Int32Array(n);
  out[0] = fmix32(h);
  for (let i = 1; i < n; i++) {
    h = (h - Math.imul(wh[i - 1], top)) | 0;
    h = (Math.imul(h, BASE) + wh[i + k - 1]) | 0;
    out[i] = fmix32(h);
  }
  return out;
}

/**
 * Robust winnowing: in each window of w consecutive k-gram hashes keep the minimum (the rightmost one on
 * ties), and record it once even when it stays the minimum of several windows. A text shorter than one
 * window keeps its single minimum, so short texts still get a fingerprint.
 */
export function winnowHashes(hashes: Int32Array, w: number = W): FingerprintHit[] {
  const n = hashes.length;
  const out: FingerprintHit[] = [];
  if (n === 0) return out;
  if (n <= w) {
    let m = 0;
    for (let i = 1; i < n; i++) if (hashes[i] <= hashes[m]) m = i;
    out.push({ hash: hashes[m], position: m });
    return out;
  }
  // Monotone deque of indexes with increasing hash values: O(n) overall.
  const dq = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    while (tail > head && hashes[dq[tail - 1]] >= hashes[i]) tail--;
    dq[tail++] = i;
    if (dq[head] <= i - w) head++;
    if (i >= w - 1) {
      const m = dq[head];
      if (m !== last) {
        out.push({ hash: hashes[m], position: m });
        last = m;
      }
    }
  }
  return out;
}

export function fingerprint(words: readonly string[], params: WinnowParams = DEFAULT_PARAMS): FingerprintHit[] {
  return winnowHashes(kgramHashes(words, params.k), params.w);
}
