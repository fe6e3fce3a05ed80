// Second stage of the plagiarism check: reworded passages. Winnowing over exact word k-grams (winnow.ts)
// only guarantees runs of identical words; a paragraph with one word in five changed has few such runs.
// Here both texts are reduced to content-word keys (content-words.ts: stop words dropped, stems, synonym
// classes), fingerprinted with short shingles of K2 keys, and nearby confirmed hits on a consistent diagonal
// are chained across small gaps into one passage. A chain becomes a "reworded" passage only when enough of
// the keys on both sides line up (longest common subsequence), so scattered shared phrases are not reported.
//
// No index of its own: its candidates are the sources the exact fingerprints and the sentence sketches of the
// rewritten-text stage find (a reworded paragraph keeps its sentences' heaviest terms), and the shingles the
// two texts share are found by comparing them directly.
import { contentWords, type ContentWords } from "./content-words";
import type { Passage, PassageSide, Seed, TextWithTokens } from "./find-passages";
import { kgramHashes } from "./winnow";

export const K2 = 3;
/** Seeds further apart than this many content words (on our side) start a new chain. */
export const MAX_CHAIN_GAP = 12;
/** How far the two sides may drift apart inside one chain (inserted or dropped content words). */
export const MAX_DRIFT = 8;
/** Least number of aligned content words for a reworded passage. */
export const MIN_REWORDED_KEYS = 10;
/** Least share of the passage's content words (on the longer side) that must line up. */
export const MIN_REWORDED_SHARE = 0.5;
/** Least number of confirmed shingle hits in a chain. */
export const MIN_CHAIN_SEEDS = 2;
/** Longest passage (content words) aligned word by word; longer chains are split. */
const MAX_ALIGN = 600;
const CONTEXT_WORDS = 8;

export interface WithContent extends TextWithTokens {
  content: ContentWords;
}

export function withContent(t: TextWithTokens): WithContent {
  return { ...t, content: contentWords(t.tokens.words) };
}

/** Every position pair where the two texts share a shingle of K2 content-word keys (hash collisions included). */
export function rewordSeeds(ours: ContentWords, theirs: ContentWords): Seed[] {
  const a = kgramHashes(ours.keys, K2);
  const b = kgramHashes(theirs.keys, K2);
  const at = new Map<number, number[]>();
  for (let i = 0; i < a.length; i++) {
    const list = at.get(a[i]);
    if (list) list.push(i);
    else at.set(a[i], [i]);
  }
  const seeds: Seed[] = [];
  for (let j = 0; j < b.length; j++) for (const i of at.get(b[j]) ?? []) seeds.push({ ours: i, theirs: j });
  return seeds;
}

function equalKeys(a: string[], i: number, b: string[], j: number): boolean {
  if (i + K2 > a.length || j + K2 > b.length) return false;
  for (let x = 0; x < K2; x++) if (a[i + x] !== b[j + x]) return false;
  return true;
}

interface Chain {
  o0: number;
  o1: number; // exclusive, content-word index
  t0: number;
  t1: number;
  lastO: number;
  lastT: number;
  seeds: number;
}

/** Chains confirmed seeds that follow each other on both sides (small gaps and drift allowed). */
export function chainSeeds(ours: string[], theirs: string[], seeds: Seed[]): Chain[] {
  const sorted = [...seeds].sort((a, b) => a.ours - b.ours || a.theirs - b.theirs);
  const open: Chain[] = [];
  const done: Chain[] = [];
  for (const s of sorted) {
    if (!equalKeys(ours, s.ours, theirs, s.theirs)) continue; // hash collision
    for (let i = open.length - 1; i >= 0; i--)
      if (s.ours - open[i].lastO > MAX_CHAIN_GAP) done.push(...open.splice(i, 1));
    let best: Chain | null = null;
    let bestDrift = Infinity;
    for (const c of open) {
      const dt = s.theirs - c.lastT;
      const drift = Math.abs(dt - (s.ours - c.lastO));
      if (dt < -K2 || dt > MAX_CHAIN_GAP + MAX_DRIFT || drift > MAX_DRIFT) continue;
      if (drift < bestDrift) {
        best = c;
        bestDrift = drift;
      }
    }
    if (best) {
      best.o1 = Math.max(best.o1, s.ours + K2);
      best.t0 = Math.min(best.t0, s.theirs);
      best.t1 = Math.max(best.t1, s.theirs + K2);
      best.lastO = s.ours;
      best.lastT = s.theirs;
      best.seeds++;
    } else
      open.push({
        o0: s.ours,
        o1: s.ours + K2,
        t0: s.theirs,
        t1: s.theirs + K2,
        lastO: s.ours,
        lastT: s.theirs,
        seeds: 1,
      });
  }
  return [...done, ...open].sort((a, b) => a.o0 - b.o0);
}

/** Length of the longest common subsequence of a[a0..a1) and b[b0..b1). */
export function lcsLength(a: readonly string[], a0: number, a1: number, b: readonly string[], b0: number, b1: number) {
  const m = b1 - b0;
  let prev = new Uint16Array(m + 1);
  let cur = new Uint16Array(m + 1);
  for (let i = a0; i < a1; i++) {
    for (let j = 0; j < m; j++)
      cur[j + 1] = a[i] === b[b0 + j] ? prev[j] + 1 : cur[j] > prev[j + 1] ? cur[j] : prev[j + 1];
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return prev[m];
}

/** Which items of a and b are outside one longest common subsequence (the changed words). */
export function lcsChanges(a: readonly string[], b: readonly string[]): { a: boolean[]; b: boolean[] } {
  const n = a.length;
  const m = b.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[at(i, j)] = a[i] === b[j] ? dp[at(i + 1, j + 1)] + 1 : Math.max(dp[at(i + 1, j)], dp[at(i, j + 1)]);
  const ca = new Array<boolean>(n).fill(true);
  const cb = new Array<boolean>(m).fill(true);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ca[i++] = false;
      cb[j++] = false;
    } else if (dp[at(i + 1, j)] >= dp[at(i, j + 1)]) i++;
    else j++;
  }
  return { a: ca, b: cb };
}

export type PassageKind = "exact" | "reworded" | "rewritten";

export interface WordRange {
  o0: number;
  o1: number;
  t0: number;
  t1: number;
  /** Identical words (exact), aligned content words (reworded) or aligned sentences (rewritten). */
  matched: number;
  kind: PassageKind;
  /** Rewritten passages: word ranges [start, end) on each side whose terms found no counterpart. */
  unmatched?: { ours: Array<[number, number]>; theirs: Array<[number, number]> };
}

/** How many keys ahead (on each side) an extension looks for the next pair that lines up. */
export const EXTEND_LOOKAHEAD = 4;

/**
 * Extends an aligned range outwards, key pair by key pair, stepping over a few unaligned keys on either
 * side (a substituted, dropped or inserted word): the nearest next pair that lines up within the lookahead
 * is taken, and extension stops when none does. Returns the new bounds and the pairs it aligned.
 */
function extend(a: readonly string[], b: readonly string[], r: { o0: number; o1: number; t0: number; t1: number }) {
  let added = 0;
  for (;;) {
    let best: [number, number] | null = null;
    for (let d = 0; d <= 2 * EXTEND_LOOKAHEAD && !best; d++)
      for (let di = Math.max(0, d - EXTEND_LOOKAHEAD); di <= Math.min(d, EXTEND_LOOKAHEAD); di++) {
        const i = r.o1 + di;
        const j = r.t1 + (d - di);
        if (i < a.length && j < b.length && a[i] === b[j]) {
          best = [i, j];
          break;
        }
      }
    if (!best) break;
    r.o1 = best[0] + 1;
    r.t1 = best[1] + 1;
    added++;
  }
  for (;;) {
    let best: [number, number] | null = null;
    for (let d = 0; d <= 2 * EXTEND_LOOKAHEAD && !best; d++)
      for (let di = Math.max(0, d - EXTEND_LOOKAHEAD); di <= Math.min(d, EXTEND_LOOKAHEAD); di++) {
        const i = r.o0 - 1 - di;
        const j = r.t0 - 1 - (d - di);
        if (i >= 0 && j >= 0 && a[i] === b[j]) {
          best = [i, j];
          break;
        }
      }
    if (!best) break;
    r.o0 = best[0];
    r.t0 = best[1];
    added++;
  }
  return added;
}

/** Reworded chains as word ranges of both texts, each checked for enough aligned content words. */
export function rewordedRanges(ours: WithContent, theirs: WithContent, seeds: Seed[]): WordRange[] {
  const a = ours.content.keys;
  const b = theirs.content.keys;
  // Each chain grown outwards over keys that still line up; chains that then touch on both sides are one.
  const grown = chainSeeds(a, b, seeds).map((c) => {
    const r = { o0: c.o0, o1: c.o1, t0: c.t0, t1: c.t1, seeds: c.seeds };
    extend(a, b, r);
    return r;
  });
  grown.sort((x, y) => x.o0 - y.o0);
  const joined: typeof grown = [];
  for (const r of grown) {
    const last = joined[joined.length - 1];
    // Joined only when they follow each other in the same order on both sides (swapped sentences stay apart).
    if (last && r.o0 <= last.o1 && r.t0 >= last.t1 - EXTEND_LOOKAHEAD && r.t0 <= last.t1 + EXTEND_LOOKAHEAD) {
      last.o1 = Math.max(last.o1, r.o1);
      last.t0 = Math.min(last.t0, r.t0);
      last.t1 = Math.max(last.t1, r.t1);
      last.seeds += r.seeds;
    } else joined.push({ ...r });
  }
  const out: WordRange[] = [];
  for (const c of joined) {
    if (c.seeds < MIN_CHAIN_SEEDS) continue;
    let { o1, t1 } = c;
    const { o0, t0 } = c;
    if (o1 - o0 > MAX_ALIGN || t1 - t0 > MAX_ALIGN) {
      o1 = Math.min(o1, o0 + MAX_ALIGN);
      t1 = Math.min(t1, t0 + MAX_ALIGN);
    }
    const matched = lcsLength(a, o0, o1, b, t0, t1);
    if (matched < MIN_REWORDED_KEYS || matched < MIN_REWORDED_SHARE * Math.max(o1 - o0, t1 - t0)) continue;
    out.push({
      o0: ours.content.at[o0],
      o1: ours.content.at[o1 - 1] + 1,
      t0: theirs.content.at[t0],
      t1: theirs.content.at[t1 - 1] + 1,
      matched,
      kind: "reworded",
    });
  }
  return out;
}

/**
 * Exact and reworded ranges of one source, merged where they overlap on our side: a reworded paragraph
 * that contains an unchanged run becomes one reworded passage, not two reports of the same words.
 * (Rewritten ranges are only looked for outside these, see match-text.ts, so they never overlap them.)
 */
export function mergeRanges(ranges: WordRange[]): WordRange[] {
  const sorted = [...ranges].sort((x, y) => x.o0 - y.o0 || x.t0 - y.t0);
  const out: WordRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.o0 < last.o1 && r.t0 < last.t1 && r.t1 > last.t0) {
      if (r.o1 <= last.o1 && r.t1 <= last.t1 && r.t0 >= last.t0) {
        // Contained: an exact run inside a reworded passage, or a reworded echo of an exact passage.
        if (last.kind === "exact" && r.kind === "reworded") last.matched = Math.max(last.matched, r.matched);
        continue;
      }
      last.o1 = Math.max(last.o1, r.o1);
      last.t0 = Math.min(last.t0, r.t0);
      last.t1 = Math.max(last.t1, r.t1);
      last.matched += r.matched;
      if (r.kind === "reworded") last.kind = "reworded";
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

function side(src: TextWithTokens, start: number, end: number, changed?: ArrayLike<boolean>): PassageSide {
  const { starts, ends } = src.tokens;
  const charStart = starts[start];
  const charEnd = ends[end - 1];
  const ctxStart = starts[Math.max(0, start - CONTEXT_WORDS)];
  const ctxEnd = ends[Math.min(ends.length - 1, end - 1 + CONTEXT_WORDS)];
  const out: PassageSide = {
    wordStart: start,
    wordEnd: end,
    charStart,
    charEnd,
    before: (start > CONTEXT_WORDS ? "…" : "") + src.text.slice(ctxStart, charStart),
    text: src.text.slice(charStart, charEnd),
    after: src.text.slice(charEnd, ctxEnd) + (end - 1 + CONTEXT_WORDS < ends.length - 1 ? "…" : ""),
  };
  if (changed) {
    const spans: Array<[number, number]> = [];
    for (let i = 0; i < changed.length; i++) {
      if (!changed[i]) continue;
      const s = starts[start + i] - charStart;
      const e = ends[start + i] - charStart;
      const last = spans[spans.length - 1];
      // Adjacent changed words are one mark (the space between them included).
      if (last && i > 0 && changed[i - 1]) last[1] = e;
      else spans.push([s, e]);
    }
    out.changed = spans;
  }
  return out;
}

/** Marks of the word ranges (absolute word indexes) inside [start, end), one flag per word. */
function marks(start: number, end: number, ranges: Array<[number, number]>): boolean[] {
  const out = new Array<boolean>(end - start).fill(false);
  for (const [a, b] of ranges) for (let i = Math.max(a, start); i < Math.min(b, end); i++) out[i - start] = true;
  return out;
}

/** A passage for the report: the words on both sides, and for reworded and rewritten ones which words differ. */
export function rangeToPassage(ours: TextWithTokens, theirs: TextWithTokens, r: WordRange): Passage {
  if (r.kind === "exact")
    return {
      kind: "exact",
      ours: side(ours, r.o0, r.o1),
      theirs: side(theirs, r.t0, r.t1),
      matchedWords: r.matched,
    };
  if (r.kind === "rewritten")
    return {
      kind: "rewritten",
      ours: side(ours, r.o0, r.o1, marks(r.o0, r.o1, r.unmatched?.ours ?? [])),
      theirs: side(theirs, r.t0, r.t1, marks(r.t0, r.t1, r.unmatched?.theirs ?? [])),
      matchedWords: r.matched,
    };
  const a = ours.tokens.words.slice(r.o0, r.o1);
  const b = theirs.tokens.words.slice(r.t0, r.t1);
  const changes = a.length <= MAX_ALIGN * 2 && b.length <= MAX_ALIGN * 2 ? lcsChanges(a, b) : null;
  return {
    kind: "reworded",
    ours: side(ours, r.o0, r.o1, changes?.a),
    theirs: side(theirs, r.t0, r.t1, changes?.b),
    matchedWords: r.matched,
  };
}
