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
import { lookupHashes, sketchBlockWeights } from "./fingerprint-index";
import {
  K2,
  MAX_CHAIN_GAP,
  MIN_CHAIN_SEEDS,
  MIN_REWORDED_KEYS,
  MIN_REWORDED_SHARE,
  mergeRanges,
  rangeToPassage,
  rewordedRanges,
  rewordSeeds,
  withContent,
  type WithContent,
  type WordRange,
} from "./reworded";
import {
  ALIGN_THRESHOLD,
  MAX_REWRITTEN_CANDIDATES,
  MIN_SKETCH_SCORE,
  MIN_STRONG_GROUPS,
  querySketches,
  SKETCH_BLOCK,
  rewrittenRanges,
  sketchScore,
  STRONG_GROUP_SHARE,
} from "./rewritten";
import { sentenceTerms, type Sentence } from "./sentence-terms";
import {
  countSharing,
  coveredWordCount,
  wordsInRanges,
  isFormula,
  mostlyMarked,
  MIN_SOURCE_WORDS,
  type FormulaEvidence,
} from "./formula-passages";
import { stockPhraseHashes } from "./medical-frequencies";
import { tokenize } from "./tokenize";
import { DEFAULT_PARAMS, GUARANTEE, kgramHashes, winnowHashes, type WinnowParams } from "./winnow";

/**
 * A fingerprint shared by more sources than this is boilerplate (a standard disclaimer, a licence notice),
 * not evidence of copying from any one of them: it is not used to pick candidates.
 */
export const MAX_SOURCES_PER_HASH = 50;
/**
 * The same for a sentence-sketch key. Keys are single terms, and in a medical corpus even fairly specific ones
 * ("psoriasis") stand in dozens of sources, so the limit is higher: it only drops the topic words of the genre.
 */
export const MAX_SOURCES_PER_SKETCH = 200;
/** Fingerprints in more rows than this (sources and positions) are not read at all: boilerplate many times over. */
export const MAX_ROWS_PER_HASH = 4 * MAX_SOURCES_PER_HASH;
/** Candidates whose text is compared word by word, best first (most shared fingerprints). */
export const MAX_CANDIDATES = 25;
/** Stored report size bounds. */
const MAX_PASSAGES_PER_SOURCE = 60;

export interface MatchOptions {
  /** Leave out every revision of this article (its own earlier versions do not count). */
  excludeArticleId?: string | null;
  /**
   * Compare only with articles in this language (a translation is not "copied" from its source, and a shared
   * drug name or number across languages is no evidence). Corpus documents record no language: all are kept.
   */
  locale?: string;
  params?: WinnowParams;
  /** "exact" runs only the winnowing stage (the benchmark's baseline); default all three stages. */
  stages?: "exact" | "all";
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
    excluded: [
      "blockquotes",
      "quoted text",
      "reference list",
      "the article's own revisions",
      "articles in other languages",
    ],
    reworded: {
      algorithm: "content-word shingles (stop words dropped, stems, synonym classes), chained across gaps",
      shingleKeys: K2,
      maxGapKeys: MAX_CHAIN_GAP,
      minAlignedKeys: MIN_REWORDED_KEYS,
      minAlignedShare: MIN_REWORDED_SHARE,
    },
    rewritten: {
      algorithm:
        "sentences as sets of lemmas and WordNet concepts weighted by inverse document frequency in medical " +
        "writing (MedQuAD), aligned in order one-to-one, one-to-two or two-to-one",
      alignThreshold: ALIGN_THRESHOLD,
      strongGroupShare: STRONG_GROUP_SHARE,
      minStrongGroups: MIN_STRONG_GROUPS,
    },
    stockPhrases: "word 5-grams common in medical writing (learned from MedQuAD) are not evidence of copying",
  };
}

/**
 * Seeds (our position, their position) per source. `ownerOf` names who a source belongs to (an article for
 * revisions): the boilerplate rule counts owners, so one article with many revisions is one owner.
 */
/** How many owners (sources, an article's revisions counted once) hold each hash among the rows. */
function ownersPerHash(
  rows: Array<{ hash: number; sourceNo: number }>,
  ownerOf: (sourceNo: number) => string | number = (n) => n,
): Map<number, Set<string | number>> {
  const out = new Map<number, Set<string | number>>();
  for (const r of rows) {
    let s = out.get(r.hash);
    if (!s) out.set(r.hash, (s = new Set()));
    s.add(ownerOf(r.sourceNo));
  }
  return out;
}

export function seedsBySource(
  ourHashes: Int32Array,
  rows: Array<{ hash: number; sourceNo: number; position: number }>,
  ownerOf: (sourceNo: number) => string | number = (n) => n,
  maxSources: number = MAX_SOURCES_PER_HASH,
): Map<number, Seed[]> {
  const ourPositions = new Map<number, number[]>();
  for (let i = 0; i < ourHashes.length; i++) {
    const list = ourPositions.get(ourHashes[i]);
    if (list) list.push(i);
    else ourPositions.set(ourHashes[i], [i]);
  }
  const sourcesPerHash = ownersPerHash(rows, ownerOf);
  const out = new Map<number, Seed[]>();
  for (const r of rows) {
    if (sourcesPerHash.get(r.hash)!.size > maxSources) continue;
    const ours = ourPositions.get(r.hash);
    if (!ours) continue;
    let list = out.get(r.sourceNo);
    if (!list) out.set(r.sourceNo, (list = []));
    for (const o of ours) list.push({ ours: o, theirs: r.position });
  }
  return out;
}

async function sourceOwners(db: DbTx, sourceNos: number[], withLocale: boolean) {
  const out = new Map<number, { kind: string; articleId: string | null; locale: string | null }>();
  for (let i = 0; i < sourceNos.length; i += 900) {
    const rows = await db.fingerprintSource.findMany({
      where: { id: { in: sourceNos.slice(i, i + 900) } },
      select: { id: true, kind: true, articleId: true },
    });
    for (const r of rows) out.set(r.id, { kind: r.kind, articleId: r.articleId, locale: null });
  }
  if (!withLocale) return out;
  // The language of each article met (no relation from the index to Article: one query per 900 articles).
  const articleIds = [...new Set([...out.values()].flatMap((s) => (s.articleId ? [s.articleId] : [])))];
  const localeOf = new Map<string, string>();
  for (let i = 0; i < articleIds.length; i += 900) {
    const rows = await db.article.findMany({
      where: { id: { in: articleIds.slice(i, i + 900) } },
      select: { id: true, locale: true },
    });
    for (const r of rows) localeOf.set(r.id, r.locale);
  }
  for (const s of out.values()) if (s.articleId) s.locale = localeOf.get(s.articleId) ?? null;
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

export interface CandidateTexts {
  ours: WithContent;
  theirs: TextWithTokens;
  ourSentences: Sentence[];
}

/**
 * All three stages against one candidate: exact passages (formulas of the genre left out: formula-passages.ts),
 * reworded ones merged in where they overlap (one passage per stretch of text), then rewritten ones among our
 * sentences the first two did not report. The later stages run for candidates the sketches found
 * (`rewritten`) or with an exact passage, the rewritten stage only for the former, since it costs the most.
 * A source whose passages cover fewer than MIN_SOURCE_WORDS of our words is not named.
 */
export function passagesForCandidate(
  t: CandidateTexts,
  allExact: WordRange[],
  rewritten: boolean,
  evidence: FormulaEvidence,
): Passage[] {
  const { ours, theirs, ourSentences } = t;
  const words = ours.tokens.words.length;
  const exact = allExact.filter((r) => !isFormula(r, evidence));
  // A candidate found only through stray fingerprints (no passage of its own) and not through the sketches
  // has nothing for the reworded stage to extend: most candidates of a large corpus are such.
  if (exact.length === 0 && !rewritten) return [];
  const formulas = wordsInRanges(
    allExact.filter((r) => !exact.includes(r)),
    words,
  );
  const theirContent = withContent(theirs);
  const seeds = rewordSeeds(ours.content, theirContent.content);
  const reworded = (seeds.length >= MIN_CHAIN_SEEDS ? rewordedRanges(ours, theirContent, seeds) : []).filter(
    (r) => !mostlyMarked(formulas, r.o0, r.o1),
  );
  const ranges = mergeRanges([...exact, ...reworded]);
  if (rewritten) {
    const theirSentences = sentenceTerms(theirs.text, theirs.tokens);
    const reported = wordsInRanges(ranges, words);
    const skip = (i: number) => {
      const s = ourSentences[i];
      return mostlyMarked(reported, s.start, s.end) || mostlyMarked(formulas, s.start, s.end);
    };
    ranges.push(...rewrittenRanges(ourSentences, theirSentences, skip));
    ranges.sort((a, b) => a.o0 - b.o0);
  }
  if (coveredWordCount(ranges) < MIN_SOURCE_WORDS) return [];
  return ranges.map((r) => rangeToPassage(ours, theirs, r));
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
  const all = options.stages !== "exact";
  await dialectFor(db).tuneForLargeIndexes(db);
  const tokens = tokenize(text);
  const ourHashes = kgramHashes(tokens.words, params.k);
  const stock = stockPhraseHashes();
  // A stock phrase of medical writing is evidence against nobody: its fingerprints are not even looked up.
  const fps = winnowHashes(ourHashes, params.w).filter((f) => !stock.has(f.hash));
  // Fingerprints held by many times more sources than the boilerplate limit are not even read.
  const rows = await lookupHashes(
    db,
    fps.map((f) => f.hash),
    "Fingerprint",
    { maxRows: MAX_ROWS_PER_HASH },
  );
  // Rewritten stage: the keys of our sentences' terms, weighed, summed per source and block of its sentences.
  const ourSentences = all ? sentenceTerms(text, tokens) : [];
  const sketchBlocks = all
    ? await sketchBlockWeights(db, querySketches(ourSentences), {
        block: SKETCH_BLOCK,
        // A window of two blocks reaching MIN_SKETCH_SCORE has a block of at least half of it.
        minWeight: MIN_SKETCH_SCORE / 2,
        maxRows: MAX_SOURCES_PER_SKETCH,
      })
    : [];
  // Who each matching source belongs to. The article's own revisions go first, before anything is counted
  // or ranked; other articles count once each, however many revisions they have: otherwise an article
  // resubmitted many times would look like boilerplate (MAX_SOURCES_PER_HASH) and fill every candidate
  // place with copies of itself.
  const info = await sourceOwners(
    db,
    [...new Set([...rows, ...sketchBlocks].map((r) => r.sourceNo))],
    options.locale !== undefined,
  );
  const ownerOf = (no: number) => {
    const s = info.get(no)!;
    return s.kind === "REVISION" && s.articleId ? `article:${s.articleId}` : `source:${no}`;
  };
  // Another language's articles are left out here too, before ranking, so they take no candidate place.
  const keep = (r: { sourceNo: number }) => {
    const s = info.get(r.sourceNo);
    if (!s) return false;
    if (s.kind !== "REVISION") return true;
    if (options.excludeArticleId && s.articleId === options.excludeArticleId) return false;
    return options.locale === undefined || s.locale === options.locale;
  };
  const exactSeeds = seedsBySource(ourHashes, rows.filter(keep), ownerOf);
  // Sketch score per source: the rewritten stage's candidates are the MAX_REWRITTEN_CANDIDATES best scoring
  // MIN_SKETCH_SCORE or more.
  const blocksOf = new Map<number, Map<number, number>>();
  for (const b of sketchBlocks.filter(keep)) {
    let m = blocksOf.get(b.sourceNo);
    if (!m) blocksOf.set(b.sourceNo, (m = new Map()));
    m.set(b.block, b.weight);
  }
  const sketchScores = new Map<number, number>();
  for (const [no, blocks] of blocksOf) sketchScores.set(no, sketchScore(blocks));
  const rewrittenCandidates = new Set(
    [...sketchScores]
      .filter(([, v]) => v >= MIN_SKETCH_SCORE)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_REWRITTEN_CANDIDATES)
      .map(([no]) => no),
  );
  // One candidate per owner: the revision of another article sharing the most evidence. A source with no exact
  // fingerprint that is not a rewritten-stage candidate cannot produce a passage: it is not a candidate.
  const score = new Map<number, number>();
  for (const [no, list] of exactSeeds) score.set(no, list.length);
  for (const no of rewrittenCandidates) score.set(no, (score.get(no) ?? 0) + sketchScores.get(no)!);
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
  const chosen = candidates.slice(0, MAX_CANDIDATES).map((c) => {
    const theirs: TextWithTokens = { text: c.text, tokens: tokenize(c.text) };
    const seeds = exactSeeds.get(c.sourceNo) ?? [];
    return { c, theirs, seeds, exact: all ? exactRanges({ text, tokens }, theirs, seeds, params.k) : [] };
  });
  if (!all)
    return summarise(
      tokens.words.length,
      chosen.map(({ c, theirs, seeds }) => ({
        source: c.source,
        passages: findPassages({ text, tokens }, theirs, seeds, params.k),
      })),
      params,
    );
  const ours = withContent({ text, tokens });
  const evidence: FormulaEvidence = {
    ourHashes,
    stock,
    sharedBy: countSharing(
      chosen.map((x) => x.exact),
      tokens.words.length,
    ),
    k: params.k,
  };
  const perSource = chosen.map(({ c, theirs, exact }) => ({
    source: c.source,
    passages: passagesForCandidate(
      { ours, theirs, ourSentences },
      exact,
      rewrittenCandidates.has(c.sourceNo),
      evidence,
    ),
  }));
  return summarise(tokens.words.length, perSource, params);
}

export { GUARANTEE };
