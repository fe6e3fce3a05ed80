// Deterministic synthetic prose for the benchmarks: a fixed vocabulary with a Zipf-like frequency (a few
// very common words, a long tail), sentences of 8–25 words. Same seed → same corpus on every machine.

export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ne",
  "ru",
  "ta",
  "si",
  "po",
  "de",
  "va",
  "chi",
  "mor",
  "lin",
  "gas",
  "tro",
  "pel",
  "ben",
  "dri",
  "sul",
  "fo",
];

export function makeVocabulary(size: number, seed = 1): string[] {
  const r = rng(seed);
  const words = new Set<string>();
  const common = [
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "is",
    "can",
    "with",
    "for",
    "or",
    "that",
    "are",
    "by",
    "this",
    "may",
    "from",
    "as",
    "be",
    "skin",
  ];
  common.forEach((w) => words.add(w));
  while (words.size < size) {
    const n = 1 + Math.floor(r() * 4);
    let w = "";
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** Zipf(s≈1) sampling by inverse CDF over ranks. */
export function makeSampler(vocab: string[], r: () => number) {
  const cdf = new Float64Array(vocab.length);
  let acc = 0;
  for (let i = 0; i < vocab.length; i++) cdf[i] = acc += 1 / (i + 1);
  for (let i = 0; i < vocab.length; i++) cdf[i] /= acc;
  return () => {
    const x = r();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo];
  };
}

export function makeText(words: number, sample: () => string, r: () => number): string {
  const out: string[] = [];
  let sentence: string[] = [];
  let target = 8 + Math.floor(r() * 18);
  for (let i = 0; i < words; i++) {
    sentence.push(sample());
    if (sentence.length >= target || i === words - 1) {
      const s = sentence.join(" ");
      out.push(s[0].toUpperCase() + s.slice(1) + ".");
      sentence = [];
      target = 8 + Math.floor(r() * 18);
    }
  }
  // Paragraphs of ~5 sentences.
  const paras: string[] = [];
  for (let i = 0; i < out.length; i += 5) paras.push(out.slice(i, i + 5).join(" "));
  return paras.join("\n\n");
}
