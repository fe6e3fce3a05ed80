// A deterministic synthetic evaluation set for reworded-passage detection (bench/paraphrase.ts and the
// plagiarism tests). Source paragraphs are patient-information style sentences built from word banks; a
// reworded copy changes 10–25 % of its words by four edits a writer makes when rephrasing:
//   - substitute a word with another member of its synonym class (lib/plagiarism/synonyms.ts),
//   - drop a word, insert a word, or swap two neighbouring words (local reordering).
// Controls are unrelated paragraphs from the same word banks (same topic and vocabulary: hard negatives).
// Same seed → same set on every machine.
import { SYNONYM_CLASSES } from "../lib/plagiarism/synonyms";
import { rng } from "./synthetic-text";

const NOUNS = (
  "skin blood kidney heart liver lung bone joint muscle nerve brain stomach bowel bladder eye ear throat " +
  "infection tumour rash fever pain swelling lump injury illness symptom medicine tablet dose treatment " +
  "surgery doctor nurse patient child adult hospital diet exercise weight risk effect problem result test " +
  "calcium phosphate sugar insulin cholesterol pressure vaccine antibiotic steroid cream allergy asthma " +
  "diabetes arthritis migraine anaemia eczema psoriasis pneumonia bronchitis hepatitis tissue vessel artery " +
  "vein cell gene hormone enzyme protein vitamin mineral fluid urine stool sleep stress anxiety depression " +
  "pregnancy infant appetite breathing cough wound scar ulcer cyst gland thyroid pancreas spleen spine"
).split(" ");
const ADJECTIVES = (
  "common rare serious mild severe chronic acute small large quick slow high low important normal healthy " +
  "tired red hard soft painful swollen itchy dry inflamed infected damaged weak strong older young long short " +
  "main possible likely whole early late daily regular"
).split(" ");
const VERBS = (
  "reduce increase cause help check start stop prevent protect treat remove return need use take give make " +
  "change improve worsen appear show find affect spread settle contain keep control ease relieve damage " +
  "block lower raise trigger support examine develop"
).split(" ");
const ADVERBS = "often sometimes quickly slowly usually gradually rarely mostly also frequently".split(" ");
const FUNCTION_FILLERS = "the a this that these some many most several".split(" ");
const PREPOSITIONS = "in of for with after before during without from into under".split(" ");
const LINKS = "and but because although when while so".split(" ");
/** Words a writer adds when rephrasing. */
const INSERTS = "really very also often usually generally just quite even still actually typically".split(" ");

const SYNONYMS_OF = new Map<string, string[]>();
for (const cls of SYNONYM_CLASSES)
  for (const w of cls)
    if (!SYNONYMS_OF.has(w))
      SYNONYMS_OF.set(
        w,
        cls.filter((x) => x !== w && !x.includes(" ")),
      );

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];

function nounPhrase(r: Rand): string[] {
  const out = [pick(r, FUNCTION_FILLERS)];
  if (r() < 0.5) out.push(pick(r, ADJECTIVES));
  out.push(pick(r, NOUNS));
  if (r() < 0.35) out.push(pick(r, PREPOSITIONS), pick(r, FUNCTION_FILLERS), pick(r, NOUNS));
  return out;
}

function clause(r: Rand): string[] {
  const out = nounPhrase(r);
  if (r() < 0.4) out.push(pick(r, ["can", "may", "will", "should", "might"]));
  if (r() < 0.3) out.push(pick(r, ADVERBS));
  out.push(pick(r, VERBS));
  out.push(...nounPhrase(r));
  if (r() < 0.4) out.push(pick(r, PREPOSITIONS), ...nounPhrase(r));
  return out;
}

function sentence(r: Rand): string[] {
  const words = clause(r);
  if (r() < 0.45) words.push(pick(r, LINKS), ...clause(r));
  return words;
}

/** A paragraph of about `target` words, as a word list (sentence ends marked by "." words). */
export function paragraphWords(r: Rand, target: number): string[] {
  const out: string[] = [];
  while (out.length < target) out.push(...sentence(r), ".");
  return out;
}

export function render(words: string[]): string {
  let text = "";
  let capital = true;
  for (const w of words) {
    if (w === ".") {
      text += ".";
      capital = true;
      continue;
    }
    text += (text ? " " : "") + (capital ? w[0].toUpperCase() + w.slice(1) : w);
    capital = false;
  }
  return text.endsWith(".") ? text : text + ".";
}

export interface RewordStats {
  substituted: number;
  dropped: number;
  inserted: number;
  swapped: number;
  /** Share of the source's words touched by an edit. */
  rate: number;
}

/** Rewords a paragraph: `rate` of its words edited by substitution, deletion, insertion or local swaps. */
export function reword(r: Rand, words: string[], rate: number): { words: string[]; stats: RewordStats } {
  const out = [...words];
  const real = words.filter((w) => w !== ".").length;
  const edits = Math.round(rate * real);
  const stats: RewordStats = { substituted: 0, dropped: 0, inserted: 0, swapped: 0, rate: 0 };
  let touched = 0;
  let guard = 0;
  while (touched < edits && guard++ < edits * 50) {
    const i = Math.floor(r() * out.length);
    if (out[i] === ".") continue;
    const op = r();
    const synonyms = SYNONYMS_OF.get(out[i]);
    if (op < 0.5 && synonyms && synonyms.length) {
      out[i] = pick(r, synonyms);
      stats.substituted++;
      touched++;
    } else if (op < 0.7) {
      out.splice(i, 1);
      stats.dropped++;
      touched++;
    } else if (op < 0.85) {
      out.splice(i, 0, pick(r, INSERTS));
      stats.inserted++;
      touched++;
    } else if (i + 1 < out.length && out[i + 1] !== ".") {
      [out[i], out[i + 1]] = [out[i + 1], out[i]];
      stats.swapped++;
      touched += 2;
    }
  }
  stats.rate = touched / real;
  return { words: out, stats };
}

export interface EvaluationSet {
  /** Corpus documents (several source paragraphs each). */
  documents: Array<{ title: string; text: string; paragraphs: string[] }>;
  /** Reworded copies: which document they came from, the text checked, and the passage inside it. */
  positives: Array<{ documentIndex: number; text: string; passage: string; rate: number }>;
  /** Unrelated paragraphs (not in the corpus). */
  controls: string[];
}

export function makeEvaluationSet(
  options: {
    documents?: number;
    paragraphsPerDocument?: number;
    positives?: number;
    controls?: number;
    seed?: number;
  } = {},
): EvaluationSet {
  const r = rng(options.seed ?? 2026);
  const nDocs = options.documents ?? 60;
  const perDoc = options.paragraphsPerDocument ?? 6;
  const documents = Array.from({ length: nDocs }, (_, d) => {
    const paragraphs = Array.from({ length: perDoc }, () => paragraphWords(r, 70 + Math.floor(r() * 60)));
    return {
      title: `Synthetic health page ${d + 1}`,
      text: paragraphs.map(render).join("\n\n"),
      paragraphs: paragraphs.map((p) => p.join(" ")),
      words: paragraphs,
    };
  });
  const positives: EvaluationSet["positives"] = [];
  const nPos = options.positives ?? 200;
  for (let i = 0; i < nPos; i++) {
    const documentIndex = i % nDocs;
    const doc = documents[documentIndex];
    const source = doc.words[Math.floor(i / nDocs) % perDoc];
    const rate = 0.1 + r() * 0.15;
    const reworded = render(reword(r, source, rate).words);
    // The reworded paragraph sits between the writer's own sentences, as in a real draft.
    const text = [render(paragraphWords(r, 40)), reworded, render(paragraphWords(r, 40))].join("\n\n");
    positives.push({ documentIndex, text, passage: reworded, rate });
  }
  const controls = Array.from({ length: options.controls ?? 200 }, () =>
    [render(paragraphWords(r, 40)), render(paragraphWords(r, 100)), render(paragraphWords(r, 40))].join("\n\n"),
  );
  return {
    documents: documents.map(({ title, text, paragraphs }) => ({ title, text, paragraphs })),
    positives,
    controls,
  };
}
