// Third stage of the plagiarism check: rewritten passages. A heavy rewrite keeps the facts and their order but
// hardly a word sequence: sentences are split and merged, voice and word classes change, terms become
// descriptions. Exact runs (winnow.ts) and content-word shingles (reworded.ts) then find nothing. Here each
// sentence is a weighted set of terms (sentence-terms.ts: lemmas, WordNet concepts, inverse document frequency
// in medical writing), order inside a sentence does not matter, and sentences are compared with sentences:
//   1. every pair (our sentence, their sentence) gets its matched terms: a term matches when the other sentence
//      has the same key or a term whose WordNet concepts meet its own (wordnet-table.ts);
//   2. sentences are aligned like a bilingual text (Gale & Church), monotonically, one to one, one to two, two
//      to one or two to two, with sentences skipped at a cost; a group scores its weighted overlap
//      (matched weight on both sides / all weight on both sides) minus ALIGN_THRESHOLD; the best local
//      alignments are taken (Smith & Waterman);
//   3. a local alignment is a "rewritten" passage when at least MIN_STRONG_GROUPS of its groups overlap by
//      STRONG_GROUP_SHARE or more: same-topic texts share single sentences' facts ("gout is caused by uric
//      acid"), a copy shares a run of them in the same order.
// The parameters were chosen on the development set (bench/fixtures/dev/paraphrase/), never on the held-out one.
//
// Finding candidates cheaply. Each indexed source stores its sentences' SKETCH_TERMS heaviest term keys, each key
// once, with the sentence where it first stands (SentenceSketch). A check looks up the keys of all its terms
// of weight MIN_QUERY_WEIGHT or more; a source's sketch score is the weight of the keys it shares that fall in
// its best two neighbouring blocks of SKETCH_BLOCK sentences (summed by the database): a copied passage shares
// many heavy terms in one stretch of the source, a text on the same topic shares fewer, scattered over it.
// Sources scoring MIN_SKETCH_SCORE or more are aligned, the MAX_REWRITTEN_CANDIDATES best of them.
import type { WordRange } from "./reworded";
import type { Sentence } from "./sentence-terms";
import { wordnetTable, type WordnetTable } from "./wordnet-table";
import { hashWord } from "./winnow";

export const ALIGN_THRESHOLD = 0.3;
export const SKIP_COST = 0.25;
export const STRONG_GROUP_SHARE = 0.45;
export const MIN_STRONG_GROUPS = 3;
export const SKETCH_TERMS = 3;
export const MIN_QUERY_WEIGHT = 2;
export const SKETCH_BLOCK = 5;
export const MIN_SKETCH_SCORE = 18;
export const MAX_REWRITTEN_CANDIDATES = 8;
/** Terms per sentence compared (the heaviest): bit masks of 32. */
const MAX_TERMS = 32;

/** A term key as the index stores it. */
export function sketchHash(key: string): number {
  return hashWord(key) | 0;
}

/** What a source stores: its sentences' heaviest keys, each once, at the sentence where it first stands. */
export function sentenceSketches(sentences: Sentence[]): Array<{ hash: number; position: number }> {
  const seen = new Set<number>();
  const out: Array<{ hash: number; position: number }> = [];
  sentences.forEach((s, position) => {
    for (const t of s.terms.slice(0, SKETCH_TERMS)) {
      const hash = sketchHash(t.key);
      if (seen.has(hash)) continue;
      seen.add(hash);
      out.push({ hash, position });
    }
  });
  return out;
}

/** What a check looks up: the key of every term of some weight, with that weight. */
export function querySketches(sentences: Sentence[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of sentences)
    for (const t of s.terms) if (t.weight >= MIN_QUERY_WEIGHT) out.set(sketchHash(t.key), t.weight);
  return out;
}

/** A source's sketch score from its block weights: the best two neighbouring blocks. */
export function sketchScore(blocks: ReadonlyMap<number, number>): number {
  let best = 0;
  for (const [b, w] of blocks) best = Math.max(best, w + (blocks.get(b + 1) ?? 0), w + (blocks.get(b - 1) ?? 0));
  return best;
}

/**
 * Where each key and concept stands in one text: entries are sentence × 32 + term index (the heaviest MAX_TERMS
 * terms of a sentence), by term key, by owned concept, and by owned or broader concept.
 */
interface Lookup {
  byKey: Map<string, number[]>;
  byOwn: Map<number, number[]>;
  byAny: Map<number, number[]>;
}

function add<K>(map: Map<K, number[]>, k: K, entry: number) {
  const list = map.get(k);
  if (!list) map.set(k, [entry]);
  else list.push(entry);
}

function lookupOf(table: WordnetTable, sentences: Sentence[]): Lookup {
  const { ownStart, broaderStart, ids } = table;
  const byKey = new Map<string, number[]>();
  const byOwn = new Map<number, number[]>();
  const byAny = new Map<number, number[]>();
  sentences.forEach((s, j) => {
    for (let k = 0; k < s.terms.length && k < MAX_TERMS; k++) {
      const t = s.terms[k];
      const entry = j * MAX_TERMS + k;
      add(byKey, t.key, entry);
      if (t.entry < 0) continue;
      for (let x = ownStart[t.entry]; x < broaderStart[t.entry]; x++) {
        add(byOwn, ids[x], entry);
        add(byAny, ids[x], entry);
      }
      for (let x = broaderStart[t.entry]; x < ownStart[t.entry + 1]; x++) add(byAny, ids[x], entry);
    }
  });
  return { byKey, byOwn, byAny };
}

/**
 * Which terms match across the two texts, as bit masks per sentence pair: ours[i * m + j] holds our sentence i's
 * terms matched in their sentence j, theirs[j * n + i] the other way round (dense: a few hundred sentences a side
 * at most, and the aligner reads every cell). A term matches one of theirs with the same key, or whose own
 * concepts meet its own or broader ones, or whose broader concepts meet its own.
 */
function matchMasks(table: WordnetTable, ours: Sentence[], theirs: Sentence[]) {
  const { ownStart, broaderStart, ids } = table;
  const n = ours.length;
  const m = theirs.length;
  const lookup = lookupOf(table, theirs);
  const ourMasks = new Uint32Array(n * m);
  const theirMasks = new Uint32Array(m * n);
  ours.forEach((s, i) => {
    const row = i * m;
    const mark = (list: number[] | undefined, bit: number) => {
      if (!list) return;
      for (let x = 0; x < list.length; x++) {
        const j = (list[x] / MAX_TERMS) | 0;
        ourMasks[row + j] |= bit;
        theirMasks[j * n + i] |= (1 << (list[x] % MAX_TERMS)) >>> 0;
      }
    };
    for (let k = 0; k < s.terms.length && k < MAX_TERMS; k++) {
      const t = s.terms[k];
      const bit = (1 << k) >>> 0;
      mark(lookup.byKey.get(t.key), bit);
      if (t.entry < 0) continue;
      for (let x = ownStart[t.entry]; x < broaderStart[t.entry]; x++) mark(lookup.byAny.get(ids[x]), bit);
      for (let x = broaderStart[t.entry]; x < ownStart[t.entry + 1]; x++) mark(lookup.byOwn.get(ids[x]), bit);
    }
  });
  return { ourMasks, theirMasks };
}

function maskWeight(s: Sentence, mask: number): number {
  let w = 0;
  for (let k = 0; mask !== 0 && k < MAX_TERMS; k++, mask >>>= 1) if (mask & 1) w += s.terms[k].weight;
  return w;
}

function sentenceWeight(s: Sentence): number {
  let w = 0;
  for (const t of s.terms.slice(0, MAX_TERMS)) w += t.weight;
  return w;
}

export interface AlignedGroup {
  /** Our sentences [o0, o1] and theirs [t0, t1], inclusive indexes into the sentence lists. */
  o0: number;
  o1: number;
  t0: number;
  t1: number;
  share: number;
  /** Per sentence of the group, the mask of its terms matched on the other side. */
  ourMasks: number[];
  theirMasks: number[];
}

const MOVES: Array<[number, number]> = [
  [1, 1],
  [1, 2],
  [2, 1],
  [2, 2],
];

/**
 * A pair whose own overlap is below this cannot help a group reach ALIGN_THRESHOLD by much: cells whose
 * neighbouring pairs are all below it are not aligned (most pairs of two texts share a stray common term).
 */
const MIN_PAIR_SHARE = 0.15;
/** A path scoring less cannot hold MIN_STRONG_GROUPS strong groups: not traced back. */
const MIN_PATH_SCORE = STRONG_GROUP_SHARE - ALIGN_THRESHOLD;

/** The aligner of one pair of texts. */
class Aligner {
  readonly ourW: Float64Array;
  readonly theirW: Float64Array;
  /** near[i * m + j]: our sentence i and their sentence j overlap by MIN_PAIR_SHARE or more one to one. */
  readonly near: Uint8Array;
  /** rowNear[i]: our sentence i is near some sentence of theirs. */
  readonly rowNear: Uint8Array;
  readonly n: number;
  readonly m: number;
  constructor(
    readonly ours: Sentence[],
    readonly theirs: Sentence[],
    /** ourMasks[i * m + j]: our terms of sentence i matched in their sentence j; theirMasks[j * n + i] likewise. */
    readonly ourMasks: Uint32Array,
    readonly theirMasks: Uint32Array,
  ) {
    this.n = ours.length;
    this.m = theirs.length;
    this.ourW = Float64Array.from(ours, sentenceWeight);
    this.theirW = Float64Array.from(theirs, sentenceWeight);
    this.near = new Uint8Array(this.n * this.m);
    this.rowNear = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++)
      for (let j = 0; j < this.m; j++)
        if (ourMasks[i * this.m + j] !== 0 && this.share(i, i, j, j) >= MIN_PAIR_SHARE) {
          this.near[i * this.m + j] = 1;
          this.rowNear[i] = 1;
        }
  }

  /** Weighted overlap of a group (at most two sentences a side): matched weight over all weight, both sides. */
  share(o0: number, o1: number, t0: number, t1: number): number {
    const { n, m } = this;
    let matched = 0;
    let total = 0;
    for (let i = o0; i <= o1; i++) {
      const mask = this.ourMasks[i * m + t0] | this.ourMasks[i * m + t1];
      if (mask) matched += maskWeight(this.ours[i], mask);
      total += this.ourW[i];
    }
    if (matched === 0) return 0;
    for (let j = t0; j <= t1; j++) {
      const mask = this.theirMasks[j * n + o0] | this.theirMasks[j * n + o1];
      if (mask) matched += maskWeight(this.theirs[j], mask);
      total += this.theirW[j];
    }
    return total > 0 ? matched / total : 0;
  }

  group(o0: number, o1: number, t0: number, t1: number): AlignedGroup {
    const { n, m } = this;
    const ourMasks: number[] = [];
    const theirMasks: number[] = [];
    for (let i = o0; i <= o1; i++) ourMasks.push(this.ourMasks[i * m + t0] | this.ourMasks[i * m + t1]);
    for (let j = t0; j <= t1; j++) theirMasks.push(this.theirMasks[j * n + o0] | this.theirMasks[j * n + o1]);
    return { o0, o1, t0, t1, share: this.share(o0, o1, t0, t1), ourMasks, theirMasks };
  }

  /** Whether a group ending at our sentence i − 1 and their sentence j − 1 can hold a near pair. */
  private touches(i: number, j: number): boolean {
    const { near, m } = this;
    const a = (i - 1) * m;
    if (j >= 1 && near[a + j - 1]) return true;
    if (j >= 2 && near[a + j - 2]) return true;
    if (i >= 2) {
      const b = (i - 2) * m;
      if (j >= 1 && near[b + j - 1]) return true;
      if (j >= 2 && near[b + j - 2]) return true;
    }
    return false;
  }

  /**
   * Local alignments, best first, that share none of our sentences (Smith–Waterman once, then one traceback
   * per local maximum: a weaker path that runs into a better one's sentences is dropped). `blocked` sentences
   * are never aligned (only skipped over).
   */
  paths(blocked: Uint8Array, limit: number): AlignedGroup[][] {
    const { n, m } = this;
    const width = m + 1;
    const score = new Float64Array((n + 1) * width);
    const from = new Int8Array((n + 1) * width); // 0 none, 1–4 MOVES, 5 skip ours, 6 skip theirs
    const ends: number[] = [];
    for (let i = 1; i <= n; i++) {
      const rowActive = !blocked[i - 1] && (this.rowNear[i - 1] === 1 || (i > 1 && this.rowNear[i - 2] === 1));
      for (let j = 1; j <= m; j++) {
        const at = i * width + j;
        let s = 0;
        let move = 0;
        const up = score[at - width] - SKIP_COST;
        if (up > s) {
          s = up;
          move = 5;
        }
        const left = score[at - 1] - SKIP_COST;
        if (left > s) {
          s = left;
          move = 6;
        }
        if (rowActive && this.touches(i, j))
          for (let k = 0; k < MOVES.length; k++) {
            const di = MOVES[k][0];
            const dj = MOVES[k][1];
            if (i - di < 0 || j - dj < 0 || (di === 2 && blocked[i - 2])) continue;
            const before = score[(i - di) * width + (j - dj)];
            // The group's overlap is at most 1: skip it when even that cannot beat the best so far.
            if (before + 1 - ALIGN_THRESHOLD <= s) continue;
            const v = before + this.share(i - di, i - 1, j - dj, j - 1) - ALIGN_THRESHOLD;
            if (v > s) {
              s = v;
              move = k + 1;
            }
          }
        score[at] = s;
        from[at] = move;
        // A path can end where a group was just aligned.
        if (move >= 1 && move <= 4 && s >= MIN_PATH_SCORE) ends.push(at);
      }
    }
    ends.sort((a, b) => score[b] - score[a]);
    const taken = new Uint8Array(n);
    const out: AlignedGroup[][] = [];
    for (const end of ends) {
      if (out.length >= limit) break;
      const path: AlignedGroup[] = [];
      let at = end;
      let clash = false;
      while (at > 0 && score[at] > 0 && from[at] && !clash) {
        const move = from[at];
        if (move === 5) at -= width;
        else if (move === 6) at -= 1;
        else {
          const [di, dj] = MOVES[move - 1];
          const i = Math.floor(at / width);
          const j = at % width;
          if (taken[i - 1] || taken[i - di]) clash = true;
          else path.push(this.group(i - di, i - 1, j - dj, j - 1));
          at -= di * width + dj;
        }
      }
      if (clash || path.length === 0) continue;
      for (const g of path) taken.fill(1, g.o0, g.o1 + 1);
      out.push(path.reverse());
    }
    return out;
  }
}

export interface RewrittenRun {
  groups: AlignedGroup[];
}

/**
 * Rewritten passages between two texts' sentences: runs of aligned sentence groups, trimmed to their first and
 * last strong group, with at least MIN_STRONG_GROUPS strong groups. `skip` marks our sentences another stage
 * already reported against this source: groups there do not count and are left out.
 */
export function rewrittenRuns(ours: Sentence[], theirs: Sentence[], skip?: (i: number) => boolean): RewrittenRun[] {
  if (ours.length === 0 || theirs.length === 0) return [];
  const { ourMasks, theirMasks } = matchMasks(wordnetTable(), ours, theirs);
  const aligner = new Aligner(ours, theirs, ourMasks, theirMasks);
  const blocked = new Uint8Array(ours.length);
  if (skip) for (let i = 0; i < ours.length; i++) if (skip(i)) blocked[i] = 1;
  const runs: RewrittenRun[] = [];
  for (const path of aligner.paths(blocked, 8)) {
    const strong = path.map((g) => g.share >= STRONG_GROUP_SHARE);
    const first = strong.indexOf(true);
    const last = strong.lastIndexOf(true);
    if (first < 0) continue;
    const kept = path.slice(first, last + 1);
    if (strong.filter(Boolean).length >= MIN_STRONG_GROUPS) runs.push({ groups: kept });
  }
  return runs.sort((a, b) => a.groups[0].o0 - b.groups[0].o0);
}

/** Word ranges [start, end) of the terms of `s` outside `mask` (the words a rewritten passage underlines). */
function unmatchedTerms(s: Sentence, mask: number, out: Array<[number, number]>) {
  s.terms.forEach((t, k) => {
    if (k >= MAX_TERMS || !((mask >>> k) & 1)) out.push([t.start, t.end]);
  });
}

/** Rewritten passages as word ranges of both texts (see rewrittenRuns), ready to merge with the other stages'. */
export function rewrittenRanges(ours: Sentence[], theirs: Sentence[], skip?: (i: number) => boolean): WordRange[] {
  return rewrittenRuns(ours, theirs, skip).map(({ groups }) => {
    const first = groups[0];
    const last = groups[groups.length - 1];
    const t0 = Math.min(...groups.map((g) => g.t0));
    const t1 = Math.max(...groups.map((g) => g.t1));
    const ourMask = new Map<number, number>();
    const theirMask = new Map<number, number>();
    for (const g of groups) {
      g.ourMasks.forEach((m, k) => ourMask.set(g.o0 + k, (ourMask.get(g.o0 + k) ?? 0) | m));
      g.theirMasks.forEach((m, k) => theirMask.set(g.t0 + k, (theirMask.get(g.t0 + k) ?? 0) | m));
    }
    const unmatched = { ours: [] as Array<[number, number]>, theirs: [] as Array<[number, number]> };
    for (let i = first.o0; i <= last.o1; i++) unmatchedTerms(ours[i], ourMask.get(i) ?? 0, unmatched.ours);
    for (let j = t0; j <= t1; j++) unmatchedTerms(theirs[j], theirMask.get(j) ?? 0, unmatched.theirs);
    return {
      o0: ours[first.o0].start,
      o1: ours[last.o1].end,
      t0: theirs[t0].start,
      t1: theirs[t1].end,
      matched: groups.reduce((n, g) => n + g.o1 - g.o0 + 1, 0),
      kind: "rewritten" as const,
      unmatched,
    };
  });
}
