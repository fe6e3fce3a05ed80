// npm run plagiarism:learn -- --corpus <MedQuAD folder>   (or MEDQUAD_DIR)
// Learns how common words and phrases are in medical writing and writes the two tables the plagiarism check
// ships (lib/plagiarism/data/, committed; read by lib/plagiarism/medical-frequencies.ts):
//   - medquad-word-frequencies.tsv: for each term lemma (as lib/plagiarism/sentence-terms.ts makes them), the
//     number of MedQuAD documents it occurs in, for those in at least MIN_WORD_DOCUMENTS documents;
//   - medquad-stock-phrases.tsv: word 5-grams (normalised as lib/plagiarism/tokenize.ts does) found in at least
//     MIN_PHRASE_DOCUMENTS documents from at least MIN_PHRASE_SITES of MedQuAD's websites: the stock phrases of
//     the genre ("talk with your doctor about", "is a condition in which"), never evidence of copying.
// Only counts and the stock 5-grams leave MedQuAD; its text is not copied into the repository. New word
// frequencies change which terms the index's sentence sketches keep: commit them with a migration that empties
// the plagiarism index (DELETE FROM "SentenceSketch", "Fingerprint", "FingerprintSource"), so that it is rebuilt.
//
// MedQuAD: Asma Ben Abacha and Dina Demner-Fushman, "A question-entailment approach to question answering",
// BMC Bioinformatics 20, 511 (2019), https://doi.org/10.1186/s12859-019-3119-4; https://github.com/abachaa/MedQuAD.
// 47,457 question–answer pairs from 12 NIH websites; the answers of 8 of its collections are public (the others
// were removed by its authors for copyright). Licence: Creative Commons Attribution 4.0 International (CC BY 4.0).
// One MedQuAD topic document (all answers about one focus, from one website) counts as one document.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { explainMissingMedquad, loadMedquad, medquadDir } from "./lib/medquad";
import { STOCK_PHRASE_FILE, WORD_FREQUENCY_FILE } from "../lib/plagiarism/medical-frequencies";
import { sentenceTerms } from "../lib/plagiarism/sentence-terms";
import { tokenize } from "../lib/plagiarism/tokenize";

const MIN_WORD_DOCUMENTS = 10;
const MIN_PHRASE_DOCUMENTS = 10;
const MIN_PHRASE_SITES = 3;
const OUT = path.join(process.cwd(), "lib", "plagiarism", "data");

const HEADER = [
  "# Learned from MedQuAD by scripts/build-medquad-tables.ts (npm run plagiarism:learn); do not edit by hand.",
  "# MedQuAD: Asma Ben Abacha and Dina Demner-Fushman, A question-entailment approach to question answering,",
  "# BMC Bioinformatics 20, 511 (2019), https://doi.org/10.1186/s12859-019-3119-4; https://github.com/abachaa/MedQuAD",
  "# Licence of MedQuAD: Creative Commons Attribution 4.0 International (CC BY 4.0). Only counts and stock 5-grams",
  "# are derived from it here.",
];

function main() {
  const dir = medquadDir();
  if (!dir) return explainMissingMedquad("plagiarism:learn");
  const docs = loadMedquad(dir);
  const wordDf = new Map<string, number>();
  const phraseDf = new Map<string, number>();
  const phraseSites = new Map<string, Set<string>>();
  for (const [n, doc] of docs.entries()) {
    const lemmas = new Set<string>();
    const phrases = new Set<string>();
    for (const a of doc.answers) {
      const tokens = tokenize(a.answer);
      for (const s of sentenceTerms(a.answer, tokens, { weigh: false })) for (const t of s.terms) lemmas.add(t.lemma);
      const w = tokens.words;
      for (let i = 0; i + 5 <= w.length; i++) phrases.add(w.slice(i, i + 5).join(" "));
    }
    for (const l of lemmas) wordDf.set(l, (wordDf.get(l) ?? 0) + 1);
    for (const p of phrases) {
      phraseDf.set(p, (phraseDf.get(p) ?? 0) + 1);
      let sites = phraseSites.get(p);
      if (!sites) phraseSites.set(p, (sites = new Set()));
      sites.add(doc.source);
    }
    if (n % 200 === 0) process.stdout.write(`  ${n}/${docs.length} documents\r`);
  }
  const words = [...wordDf]
    .filter(([, df]) => df >= MIN_WORD_DOCUMENTS)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  writeFileSync(
    path.join(OUT, WORD_FREQUENCY_FILE),
    [
      ...HEADER,
      "# Term lemmas and the number of MedQuAD documents they occur in (those in fewer than min-documents are left out).",
      `# documents: ${docs.length}`,
      `# min-documents: ${MIN_WORD_DOCUMENTS}`,
      ...words.map(([l, df]) => `${l}\t${df}`),
      "",
    ].join("\n"),
  );
  const phrases = [...phraseDf]
    .filter(([p, df]) => df >= MIN_PHRASE_DOCUMENTS && phraseSites.get(p)!.size >= MIN_PHRASE_SITES)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  writeFileSync(
    path.join(OUT, STOCK_PHRASE_FILE),
    [
      ...HEADER,
      `# Word 5-grams in at least ${MIN_PHRASE_DOCUMENTS} of the ${docs.length} MedQuAD documents, from at least ${MIN_PHRASE_SITES} of its websites:`,
      "# phrase, documents, websites.",
      `# documents: ${docs.length}`,
      ...phrases.map(([p, df]) => `${p}\t${df}\t${phraseSites.get(p)!.size}`),
      "",
    ].join("\n"),
  );
  console.log(
    `\nWrote ${words.length} word frequencies and ${phrases.length} stock phrases from ${docs.length} MedQuAD documents to ${OUT}.`,
  );
}

main();
