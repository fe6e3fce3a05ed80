// The rewritten-text stage on its own (no database): terms, WordNet concepts, sentence alignment.
import { describe, expect, it } from "vitest";
import { rewrittenRanges, rewrittenRuns, sentenceSketches, querySketches } from "./rewritten";
import { lemmaOf, sentenceRanges, sentenceTerms } from "./sentence-terms";
import { tokenize } from "./tokenize";
import {
  CELLULITIS_REWRITTEN as HEAVY,
  CELLULITIS_SAME_TOPIC as SAME_TOPIC,
  CELLULITIS_SOURCE as SOURCE,
} from "../../tests/fixtures/plagiarism/texts";

const sentencesOf = (text: string) => sentenceTerms(text, tokenize(text));

describe("sentence terms", () => {
  it("brings words to their lemma", () => {
    expect(["kidneys", "lowered", "children", "discussed", "discuss"].map(lemmaOf)).toEqual([
      "kidney",
      "lower",
      "child",
      "discuss",
      "discuss",
    ]);
  });

  it("takes a WordNet multiword term as one term, with the key its synonyms share", () => {
    const [a] = sentencesOf("Untreated high blood pressure strains the heart.");
    const [b] = sentencesOf("Untreated hypertension strains the heart.");
    const term = a.terms.find((t) => t.lemma === "high_blood_pressure")!;
    expect(term).toBeDefined();
    expect(b.terms.find((t) => t.lemma === "hypertension")!.key).toBe(term.key);
    expect(a.terms.map((t) => t.lemma)).not.toContain("blood");
  });

  it("weighs a topic word above a word every medical text uses", () => {
    const [s] = sentencesOf("Your doctor may treat the cellulitis.");
    const weight = (lemma: string) => s.terms.find((t) => t.lemma === lemma)!.weight;
    expect(weight("cellulitis")).toBeGreaterThan(2 * weight("doctor"));
  });

  it("splits sentences at their ends, not at decimals or abbreviations", () => {
    const text = "Take 2.5 mg twice a day, e.g. with food. Stop if you feel sick! Then call us";
    expect(sentenceRanges(text, tokenize(text))).toEqual([
      [0, 11],
      [11, 16],
      [16, 19],
    ]);
  });
});

describe("rewritten passages", () => {
  it("align a heavy rewrite of a paragraph with its source, sentence by sentence and in order", () => {
    const ours = sentencesOf(HEAVY);
    const runs = rewrittenRuns(ours, sentencesOf(SOURCE));
    expect(runs).toHaveLength(1);
    const groups = runs[0].groups;
    // Most sentences of both sides take part, in the same order on both sides.
    expect(groups[groups.length - 1].o1 - groups[0].o0 + 1).toBeGreaterThanOrEqual(6);
    for (let g = 1; g < groups.length; g++) {
      expect(groups[g].o0).toBeGreaterThan(groups[g - 1].o1);
      expect(groups[g].t0).toBeGreaterThan(groups[g - 1].t1);
    }
  });

  it("report both sides as word ranges with the words that found no counterpart", () => {
    const oursTokens = tokenize(HEAVY);
    const [range] = rewrittenRanges(sentenceTerms(HEAVY, oursTokens), sentencesOf(SOURCE));
    expect(range.kind).toBe("rewritten");
    // The passage covers most of the rewrite.
    expect(range.o1 - range.o0).toBeGreaterThan(0.7 * oursTokens.words.length);
    const unmatched = range.unmatched!.ours.map(([a, b]) => oursTokens.words.slice(a, b).join(" "));
    // "germs" for "bacteria": WordNet makes them siblings under "microorganism", and siblings do not match.
    expect(unmatched).toContain("germs");
    expect(unmatched).not.toContain("cellulitis");
  });

  it("do not join a text on the same topic that shares facts but not the passage", () => {
    expect(rewrittenRuns(sentencesOf(SAME_TOPIC), sentencesOf(SOURCE))).toEqual([]);
  });

  it("leave out our sentences another stage already reported", () => {
    const ours = sentencesOf(HEAVY);
    expect(rewrittenRuns(ours, sentencesOf(SOURCE), () => true)).toEqual([]);
  });

  it("find the source through the sketches it stores: its heavy terms in one stretch of sentences", () => {
    const stored = new Set(sentenceSketches(sentencesOf(SOURCE)).map((s) => s.hash));
    const looked = querySketches(sentencesOf(HEAVY));
    const shared = [...looked.keys()].filter((h) => stored.has(h));
    expect(shared.length).toBeGreaterThanOrEqual(4);
  });
});
