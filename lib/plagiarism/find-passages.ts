// From fingerprint hits to passages. The index only says "these k-grams hash alike"; here we re-check the
// words (so a 32-bit hash collision can never be reported), grow each confirmed seed into the longest run
// of identical words on both sides, and merge runs that are separated by a few changed words into one
// passage ("a few words changed" stays one passage, not five fragments).
import type { Tokens } from "./tokenize";

/** Runs separated by at most this many words on each side are one passage (a changed or inserted word). */
export const MAX_GAP_WORDS = 4;
/**
 * A passage is reported only when it covers at least this many matching words. Seeds are k = 5 words (the
 * noise threshold), so a lone stock phrase of 5–7 words ("if you have any of these symptoms") does not
 * make a source; two such runs a word apart (a lightly edited sentence) do. It is below the guarantee
 * threshold t, so every run of t words or more is still reported.
 */
export const MIN_PASSAGE_WORDS = 8;
/** Words of context shown before and after a passage. */
const CONTEXT_WORDS = 8;

export interface Seed {
  ours: number;
  theirs: number;
}

export interface PassageSide {
  /** Word range [wordStart, wordEnd) in that text's normalised word list. */
  wordStart: number;
  wordEnd: number;
  /** Character range in that text. */
  charStart: number;
  charEnd: number;
  before: string;
  text: string;
  after: string;
  /** Reworded passages: character ranges [start, end) within `text` of the words that differ. */
  changed?: Array<[number, number]>;
}

export interface Passage {
  /**
   * "exact": identical words (gaps of a few changed words allowed); "reworded": found by content words in
   * order; "rewritten": sentences saying the same things in other words (matchedWords: aligned sentences).
   */
  kind?: "exact" | "reworded" | "rewritten";
  ours: PassageSide;
  theirs: PassageSide;
  /** Words that match exactly within the passage (gaps excluded). */
  matchedWords: number;
}

export interface TextWithTokens {
  text: string;
  tokens: Tokens;
}

interface Run {
  o: number; // our start word
  t: number; // their start word
  len: number;
}

function equalAt(a: string[], i: number, b: string[], j: number, k: number): boolean {
  if (i + k > a.length || j + k > b.length) return false;
  for (let x = 0; x < k; x++) if (a[i + x] !== b[j + x]) return false;
  return true;
}

/** Confirmed, maximal runs of equal words that contain at least one seed. */
export function growRuns(ours: string[], theirs: string[], seeds: Seed[], k: number): Run[] {
  const runs: Run[] = [];
  const seen = new Set<number>(); // diagonal-aware: a run is identified by its start (o, t)
  // Seeds sorted so that later seeds inside an already grown run are skipped cheaply.
  const sorted = [...seeds].sort((a, b) => a.ours - b.ours || a.theirs - b.theirs);
  const covered = new Map<number, number>(); // diagonal (t - o) → our end word of the last run on it
  for (const s of sorted) {
    const diag = s.theirs - s.ours;
    const end = covered.get(diag);
    if (end !== undefined && s.ours < end) continue;
    if (!equalAt(ours, s.ours, theirs, s.theirs, k)) continue; // hash collision
    let o = s.ours;
    let t = s.theirs;
    while (o > 0 && t > 0 && ours[o - 1] === theirs[t - 1]) {
      o--;
      t--;
    }
    let len = s.ours - o + k;
    while (o + len < ours.length && t + len < theirs.length && ours[o + len] === theirs[t + len]) len++;
    const key = o * 1_000_003 + t;
    if (seen.has(key)) continue;
    seen.add(key);
    covered.set(diag, o + len);
    runs.push({ o, t, len });
  }
  return runs;
}

interface Group {
  o0: number;
  o1: number;
  t0: number;
  t1: number;
  matched: number;
}

/** Merges runs into passages: ordered on our side, close on both sides. */
export function mergeRuns(runs: Run[]): Group[] {
  const sorted = [...runs].sort((a, b) => a.o - b.o || a.t - b.t);
  const groups: Group[] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g) {
      // Same our words matched again elsewhere in their text (repeated phrase): already covered.
      if (r.o + r.len <= g.o1) continue;
      const gapO = r.o - g.o1;
      const gapT = r.t - g.t1;
      if (gapO <= MAX_GAP_WORDS && gapT >= -MAX_GAP_WORDS && gapT <= MAX_GAP_WORDS) {
        g.matched += r.o + r.len - Math.max(r.o, g.o1);
        g.o1 = r.o + r.len;
        g.t1 = Math.max(g.t1, r.t + r.len);
        g.t0 = Math.min(g.t0, r.t);
        continue;
      }
    }
    groups.push({ o0: r.o, o1: r.o + r.len, t0: r.t, t1: r.t + r.len, matched: r.len });
  }
  return groups;
}

function side(src: TextWithTokens, start: number, end: number): PassageSide {
  const { starts, ends } = src.tokens;
  const charStart = starts[start];
  const charEnd = ends[end - 1];
  const ctxStart = starts[Math.max(0, start - CONTEXT_WORDS)];
  const ctxEnd = ends[Math.min(ends.length - 1, end - 1 + CONTEXT_WORDS)];
  return {
    wordStart: start,
    wordEnd: end,
    charStart,
    charEnd,
    before: (start > CONTEXT_WORDS ? "…" : "") + src.text.slice(ctxStart, charStart),
    text: src.text.slice(charStart, charEnd),
    after: src.text.slice(charEnd, ctxEnd) + (end - 1 + CONTEXT_WORDS < ends.length - 1 ? "…" : ""),
  };
}

/** Exact passages as word ranges of both texts (see reworded.ts for how they join reworded ones). */
export function exactRanges(ours: TextWithTokens, theirs: TextWithTokens, seeds: Seed[], k: number) {
  const runs = growRuns(ours.tokens.words, theirs.tokens.words, seeds, k);
  return mergeRuns(runs)
    .filter((g) => g.matched >= MIN_PASSAGE_WORDS)
    .map((g) => ({ o0: g.o0, o1: g.o1, t0: g.t0, t1: g.t1, matched: g.matched, kind: "exact" as const }));
}

export function findPassages(ours: TextWithTokens, theirs: TextWithTokens, seeds: Seed[], k: number): Passage[] {
  return exactRanges(ours, theirs, seeds, k).map((g) => ({
    kind: "exact" as const,
    ours: side(ours, g.o0, g.o1),
    theirs: side(theirs, g.t0, g.t1),
    matchedWords: g.matched,
  }));
}
