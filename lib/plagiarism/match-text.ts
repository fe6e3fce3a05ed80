// Checks a text against the fingerprint index: look up its winnowed fingerprints, rank the sources that
// share them, then confirm and grow passages word by word against each candidate's own text.
import type { DbTx } from "../db/client";
import { dialectFor } from "../db/dialects/dialect";
import { roundPercent, type MatchedSource, type PlagiarismResult, type SourceMatch } from "./checker";
import { extractCheckableText } from "./extract-text";
import {
  exactRanges,
  findPassages,
  MAX_GAP_WORDS,
  MIN_PASSAGE_WORDS,
  type Passage,
  type Seed,
  type TextWithTokens,
} from "./find-passages";
import { lookupHashes } from "./fingerprint-index";
import {
  K2,
  MAX_CHAIN_GAP,
  MIN_CHAIN_SEEDS,
  MIN_REWORDED_KEYS,
  MIN_REWORDED_SHARE,
  mergeRanges,
  rangeToPassage,
  rewordedRanges,
  rewordQueryHashes,
  W2,
  withContent,
  type WithContent,
} from "./reworded";
import { tokenize } from "./tokenize";
import { DEFAULT_PARAMS, GUARANTEE, kgramHashes, winnowHashes, type WinnowParams } from "./winnow";

/**
 * A fingerprint shared by more sources than this is boilerplate (a standard disclaimer, a licence notice),
 * not evidence of copying from any one of them: it is not used to pick candidates.
 */
export const MAX_SOURCES_PER_HASH = 50;
/** Candidates whose text is compared word by word, best first (most shared fingerprints). */
export const MAX_CANDIDATES = 25;
/** Stored report size bounds. */
const MAX_PASSAGES_PER_SOURCE = 60;

export interface MatchOptions {
  /** Leave out every revision of this article (its own earlier versions do not count). */
  excludeArticleId?: string | null;
  params?: WinnowParams;
  /** "exact" runs only the winnowing stage (the benchmark's baseline); default both stages. */
  stages?: "exact" | "both";
}

export function reportParameters(params: WinnowParams = DEFAULT_PARAMS) {
  return {
    algorithm: "winnowing (Schleimer, Wilkerson & Aiken 2003) over word k-grams",
    k: params.k,
    w: params.w,
    guaranteeThresholdWords: params.w + params.k - 1,
    noiseThresholdWords: params.k,
    minPassageWords: MIN_PASSAGE_WORDS,
    maxGapWords: MAX_GAP_WORDS,
    hash: "FNV-1a per word, polynomial rolling hash mod 2^32, MurmurHash3 finaliser",
    normalisation: "Unicode NFKC, lower case, punctuation and whitespace ignored, apostrophes dropped",
    excluded: ["blockquotes", "quoted text", "reference list", "the article's own revisions"],
    reworded: {
      algorithm: "content-word shingles (stop words dropped, stems, synonym classes), chained across gaps",
      shingleKeys: K2,
      window: W2,
      maxGapKeys: MAX_CHAIN_GAP,
      minAlignedKeys: MIN_REWORDED_KEYS,
      minAlignedShare: MIN_REWORDED_SHARE,
    },
  };
}

/**
 * Seeds (our position, their position) per source. `ownerOf` names who a source belongs to (an article for
 * revisions): the boilerplate rule counts owners, so one article with many revisions is one owner.
 */
export function seedsBySource(
  ourHashes: Int32Array,
  rows: Array<{ hash: number; sourceNo: number; position: number }>,
  ownerOf: (sourceNo: number) => string | number = (n) => n,
): Map<number, Seed[]> {
  const ourPositions = new Map<number, number[]>();
  for (let i = 0; i < ourHashes.length; i++) {
    const list = ourPositions.get(ourHashes[i]);
    if (list) list.push(i);
    else ourPositions.set(ourHashes[i], [i]);
  }
  const sourcesPerHash = new Map<number, Set<string | number>>();
  for (const r of rows) {
    let s = sourcesPerHash.get(r.hash);
    if (!s) sourcesPerHash.set(r.hash, (s = new Set()));
    s.add(ownerOf(r.sourceNo));
  }
  const out = new Map<number, Seed[]>();
  for (const r of rows) {
    if (sourcesPerHash.get(r.hash)!.size > MAX_SOURCES_PER_HASH) continue;
    const ours = ourPositions.get(r.hash);
    if (!ours) continue;
    let list = out.get(r.sourceNo);
    if (!list) out.set(r.sourceNo, (list = []));
    for (const o of ours) list.push({ ours: o, theirs: r.position });
  }
  return out;
}

async function sourceOwners(db: DbTx, sourceNos: number[]) {
  const out = new Map<number, { kind: string; articleId: string | null }>();
  for (let i = 0; i < sourceNos.length; i += 900) {
    const rows = await db.fingerprintSource.findMany({
      where: { id: { in: sourceNos.slice(i, i + 900) } },
      select: { id: true, kind: true, articleId: true },
    });
    for (const r of rows) out.set(r.id, { kind: r.kind, articleId: r.articleId });
  }
  return out;
}

interface Candidate {
  sourceNo: number;
  source: MatchedSource;
  text: string;
}

async function loadCandidates(
  db: DbTx,
  sourceNos: number[],
  excludeArticleId: string | null | undefined,
): Promise<Candidate[]> {
  if (sourceNos.length === 0) return [];
  const sources = await db.fingerprintSource.findMany({ where: { id: { in: sourceNos } } });
  const kept = sources.filter((s) => !(s.kind === "REVISION" && excludeArticleId && s.articleId === excludeArticleId));
  const corpusIds = kept.filter((s) => s.kind === "CORPUS").map((s) => s.sourceId);
  const revisionIds = kept.filter((s) => s.kind === "REVISION").map((s) => s.sourceId);
  const [docs, revisions] = await Promise.all([
    corpusIds.length
      ? db.corpusDocument.findMany({
          where: { id: { in: corpusIds } },
          select: { id: true, title: true, url: true, text: true },
        })
      : [],
    revisionIds.length
      ? db.revision.findMany({
          where: { id: { in: revisionIds } },
          select: {
            id: true,
            articleId: true,
            number: true,
            title: true,
            summary: true,
            bodyJson: true,
            article: { select: { slug: true } },
          },
        })
      : [],
  ]);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const revById = new Map(revisions.map((r) => [r.id, r]));
  const out: Candidate[] = [];
  for (const s of kept) {
    if (s.kind === "CORPUS") {
      const d = docById.get(s.sourceId);
      if (d)
        out.push({
          sourceNo: s.id,
          source: { kind: "CORPUS", id: d.id, articleId: null, title: d.title, url: d.url },
          text: d.text,
        });
    } else {
      const r = revById.get(s.sourceId);
      if (r)
        out.push({
          sourceNo: s.id,
          source: {
            kind: "REVISION",
            id: r.id,
            articleId: r.articleId,
            title: `${r.title} (revision ${r.number})`,
            url: `/articles/${r.article.slug}`,
          },
          text: extractCheckableText({ title: r.title, summary: r.summary, body: r.bodyJson }),
        });
    }
  }
  return out;
}

/** Compares one text with one candidate text: the primitive shared by the index path and brute force. */
export function compareTexts(
  ours: TextWithTokens,
  ourHashes: Int32Array,
  theirs: TextWithTokens,
  params: WinnowParams = DEFAULT_PARAMS,
) {
  const theirHashes = kgramHashes(theirs.tokens.words, params.k);
  const theirFps = winnowHashes(theirHashes, params.w);
  const rows = theirFps.map((f) => ({ hash: f.hash, sourceNo: 0, position: f.position }));
  const seeds = seedsBySource(ourHashes, rows).get(0) ?? [];
  return findPassages(ours, theirs, seeds, params.k);
}

/** Exact passages, then reworded ones merged in where they overlap (one passage per stretch of text). */
export function passagesForCandidate(
  ours: WithContent | TextWithTokens,
  theirs: WithContent | TextWithTokens,
  exactSeeds: Seed[],
  rewordSeeds: Seed[] | null,
  params: WinnowParams = DEFAULT_PARAMS,
): Passage[] {
  const exact = exactRanges(ours, theirs, exactSeeds, params.k);
  if (!rewordSeeds) return exact.map((r) => rangeToPassage(ours, theirs, r));
  // Fewer reworded seeds than one chain needs cannot make a reworded passage: skip the alignment (and the
  // caller may skip reducing their text to content words).
  const reworded =
    rewordSeeds.length >= MIN_CHAIN_SEEDS && "content" in ours && "content" in theirs
      ? rewordedRanges(ours, theirs, rewordSeeds)
      : [];
  return mergeRanges([...exact, ...reworded]).map((r) => rangeToPassage(ours, theirs, r));
}

export function summarise(
  wordCount: number,
  perSource: Array<{ source: MatchedSource; passages: SourceMatch["passages"] }>,
  params: WinnowParams,
): PlagiarismResult {
  const all = new Uint8Array(wordCount);
  let covered = 0;
  const matches: SourceMatch[] = [];
  for (const { source, passages } of perSource) {
    if (passages.length === 0) continue;
    const mine = new Uint8Array(wordCount);
    let n = 0;
    for (const p of passages)
      for (let i = p.ours.wordStart; i < p.ours.wordEnd; i++) {
        if (!mine[i]) {
          mine[i] = 1;
          n++;
        }
        if (!all[i]) {
          all[i] = 1;
          covered++;
        }
      }
    matches.push({
      source,
      percent: roundPercent(n, wordCount),
      matchedWords: n,
      passages: passages.slice(0, MAX_PASSAGES_PER_SOURCE),
    });
  }
  matches.sort((a, b) => b.percent - a.percent || a.source.title.localeCompare(b.source.title));
  return { similarity: roundPercent(covered, wordCount), wordCount, matches, parameters: reportParameters(params) };
}

export async function matchText(db: DbTx, text: string, options: MatchOptions = {}): Promise<PlagiarismResult> {
  const params = options.params ?? DEFAULT_PARAMS;
  const both = options.stages !== "exact";
  await dialectFor(db).tuneForLargeIndexes(db);
  const tokens = tokenize(text);
  const ours: TextWithTokens | WithContent = both ? withContent({ text, tokens }) : { text, tokens };
  const ourHashes = kgramHashes(tokens.words, params.k);
  const fps = winnowHashes(ourHashes, params.w);
  const rows = await lookupHashes(
    db,
    fps.map((f) => f.hash),
  );
  // Reworded stage: every content-word shingle of ours is looked up (the sources stored winnowed ones).
  const ourRewordHashes = both ? rewordQueryHashes((ours as WithContent).content) : null;
  const rewordRows = ourRewordHashes ? await lookupHashes(db, ourRewordHashes, "ParaphraseFingerprint") : [];
  // Who each matching source belongs to. The article's own revisions go first, before anything is counted
  // or ranked; other articles count once each, however many revisions they have: otherwise an article
  // resubmitted many times would look like boilerplate (MAX_SOURCES_PER_HASH) and fill every candidate
  // place with copies of itself.
  const info = await sourceOwners(db, [...new Set([...rows, ...rewordRows].map((r) => r.sourceNo))]);
  const ownerOf = (no: number) => {
    const s = info.get(no)!;
    return s.kind === "REVISION" && s.articleId ? `article:${s.articleId}` : `source:${no}`;
  };
  const keep = (r: { sourceNo: number }) => {
    const s = info.get(r.sourceNo);
    return !!s && !(options.excludeArticleId && s.kind === "REVISION" && s.articleId === options.excludeArticleId);
  };
  const seeds = seedsBySource(ourHashes, rows.filter(keep), ownerOf);
  const rewordSeeds = ourRewordHashes ? seedsBySource(ourRewordHashes, rewordRows.filter(keep), ownerOf) : null;
  // One candidate per owner: the revision of another article sharing the most fingerprints (both stages).
  // A source with no exact fingerprint and fewer reworded ones than one chain needs (MIN_CHAIN_SEEDS) cannot
  // produce a passage: it is not a candidate. Against a large corpus most sources found by the reworded
  // lookup are such stray single hits, and loading and aligning their texts was most of the stage's cost.
  const score = new Map<number, number>();
  for (const [no, list] of seeds) score.set(no, list.length);
  if (rewordSeeds)
    for (const [no, list] of rewordSeeds)
      if (list.length >= MIN_CHAIN_SEEDS || score.has(no)) score.set(no, (score.get(no) ?? 0) + list.length);
  const best = new Map<string | number, [number, number]>();
  for (const entry of score) {
    const o = ownerOf(entry[0]);
    const cur = best.get(o);
    if (!cur || entry[1] > cur[1]) best.set(o, entry);
  }
  const ranked = [...best.values()].sort((a, b) => b[1] - a[1]);
  // Rank before loading texts; a few extra in case a source disappeared since it was indexed.
  const candidates = await loadCandidates(
    db,
    ranked.slice(0, MAX_CANDIDATES + 5).map(([no]) => no),
    options.excludeArticleId,
  );
  const order = new Map(ranked.map(([no], i) => [no, i]));
  candidates.sort((a, b) => order.get(a.sourceNo)! - order.get(b.sourceNo)!);
  const perSource = candidates.slice(0, MAX_CANDIDATES).map((c) => {
    const theirs: TextWithTokens = { text: c.text, tokens: tokenize(c.text) };
    const exactSeeds = seeds.get(c.sourceNo) ?? [];
    if (!rewordSeeds) return { source: c.source, passages: findPassages(ours, theirs, exactSeeds, params.k) };
    // Most candidates come from the exact stage's stray collisions and share no reworded chain: their text
    // is reduced to content words (stems, synonym classes: most of the second stage's cost) only when it can.
    const theirRewordSeeds = rewordSeeds.get(c.sourceNo) ?? [];
    const canReword = theirRewordSeeds.length >= MIN_CHAIN_SEEDS;
    return {
      source: c.source,
      passages: passagesForCandidate(
        ours,
        canReword ? withContent(theirs) : theirs,
        exactSeeds,
        theirRewordSeeds,
        params,
      ),
    };
  });
  return summarise(tokens.words.length, perSource, params);
}

export { GUARANTEE };
