// Language rules found by trying real health pages: real-word errors (a slip that makes another real word,
// which a spell checker cannot see), factual statements without a citation, and a readability grade
// against the audience's target. All advisory: they ask a person to look, they never block.
import { excerpt, REFERENCE_HEADING, type TextBlock } from "../../content/document-blocks";
import type { Finding } from "../types";
import { blockLocation } from "./structure";
import { AUDIENCE_LABELS, INFLESZ_TARGETS, READABILITY_TARGETS, type Audience } from "../audience";
import type { ReaderLocale } from "../../i18n/locales";

interface Confusion {
  /** Matches the wrong word in the context that gives it away; group 1 is the wrong word. */
  pattern: RegExp;
  right: string;
}

// Common near-misses in health writing, each only in a context where the other word is clearly meant
// ("prostrate cancer", "side affects", "loose weight"), so a correct use never matches.
export const CONFUSIONS: readonly Confusion[] = [
  { pattern: /\b(prostrate)\s+(?:cancer|gland|exam|enlargement|biopsy|problems?)\b/gi, right: "prostate" },
  { pattern: /\bside[- ](affects)\b/gi, right: "side effects" },
  { pattern: /\b(?:an|the|no|any|little|positive|negative|protective)\s+(affect)\s+(?:on|of)\b/gi, right: "effect" },
  { pattern: /\b(bowl)\s+(?:movements?|cancer|habits?|obstruction|screening|function|disease)\b/gi, right: "bowel" },
  {
    pattern: /\b(?:to|can(?:not)?|cannot|may|trouble|difficulty)\s+(breath)\b(?!\s+(?:test|sounds?))/gi,
    right: "breathe",
  },
  { pattern: /\b(?:shortness|short|out)\s+of\s+(breathe)\b/gi, right: "breath" },
  { pattern: /\b(loose)\s+(?:weight|some weight|pounds|\d+\s*(?:kg|lb|pounds))\b/gi, right: "lose" },
  { pattern: /\b(lose)\s+(?:stools?|motions?|teeth|skin)\b/gi, right: "loose" },
  { pattern: /\b(hart)\s+(?:attack|disease|failure|rate|beat|problems?)\b/gi, right: "heart" },
  { pattern: /\b(pubic)\s+health\b/gi, right: "public" },
  { pattern: /\b(complimentary)\s+(?:therapy|therapies|medicine|treatments?)\b/gi, right: "complementary" },
  { pattern: /\b(?:heart\s+)?(palpations)\b/gi, right: "palpitations" },
  { pattern: /\b(mucus)\s+membranes?\b/gi, right: "mucous" },
  { pattern: /\b(?:food|symptom|pain|headache|sleep|bladder|keep\s+a)\s+(dairy)\b/gi, right: "diary" },
  { pattern: /\b(diary)[- ](?:products?|free|foods?|milk|intake)\b/gi, right: "dairy" },
  {
    pattern: /\b(tropical)\s+(?:creams?|steroids?|treatments?|antibiotics?|ointments?|application)\b/gi,
    right: "topical",
  },
  {
    pattern: /\b(?:more|less|better|worse|higher|lower|greater|fewer|rather|other|older|younger)\s+(then)\b/gi,
    right: "than",
  },
  {
    pattern:
      /\b(?:away|comes?|came|suffer(?:s|ing)?|results?|resulting|made|recover(?:s|ing)?|protect(?:s|ing)?)\s+(form)\b/gi,
    right: "from",
  },
  { pattern: /\b(?:medical|doctor's|professional|expert|your|seek)\s+(advise)\b/gi, right: "advice" },
  { pattern: /\b(?:we|doctors|to|please)\s+(advice)\b/gi, right: "advise" },
  { pattern: /\b(doze)\s+(?:of|is|was|should)\b/gi, right: "dose" },
  { pattern: /\bin\s+(vein)\b(?=[.,;])/gi, right: "vain" },
];

function sectionBodyBlocks(blocks: TextBlock[]): TextBlock[] {
  // The writer's own prose: not quotations, not a reference list typed into the body.
  const out: TextBlock[] = [];
  let inReferences = false;
  for (const b of blocks) {
    if (b.type === "heading") inReferences = REFERENCE_HEADING.test(b.text);
    if (inReferences || b.inQuote) continue;
    out.push(b);
  }
  return out;
}

export function realWordErrors(blocks: TextBlock[]): Finding[] {
  const out: Finding[] = [];
  for (const b of sectionBodyBlocks(blocks))
    for (const c of CONFUSIONS)
      for (const m of b.text.matchAll(c.pattern)) {
        const wrong = m[1];
        out.push({
          rule: "real-word-error",
          severity: "advisory",
          message: `“${wrong}” is a real word, but here “${c.right}” is probably meant (“${excerpt(m[0], 50)}”).`,
          location: { ...blockLocation(b), excerpt: excerpt(m[0], 80) },
          subject: wrong,
        });
      }
  return out;
}

// A number with a unit or a share, a dose, a frequency, or an appeal to research: statements a reader should
// be able to check against a source.
const CLAIM =
  /\b\d+(?:[.,]\d+)?\s*(?:%|per ?cent|percent|mg|mcg|µg|micrograms?|milligrams?|grams?|g|ml|mL|millilitres?|IU|units?|mmol(?:\/l)?|mmHg|kg)\b|\b\d+\s+(?:in|out of)\s+(?:every\s+)?\d[\d,]*\b|\b(?:studies|research|trials?|evidence|scientists|a (?:recent |new )?study|one study|experts)\s+(?:has |have )?(?:show|shows|shown|showed|suggests?|suggested|found|finds|proves?|proved|indicates?|confirms?|demonstrates?)\b/i;

/** Sentences of a block with their [start, end) offsets (a period, ! or ? followed by a space ends one). */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[.!?](?=\s+[\p{Lu}\d"“(])/gu;
  let start = 0;
  for (const m of text.matchAll(re)) {
    out.push([start, m.index + 1]);
    start = m.index + 1;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

export function uncitedClaims(blocks: TextBlock[]): Finding[] {
  const out: Finding[] = [];
  for (const b of sectionBodyBlocks(blocks)) {
    if (b.type !== "paragraph") continue;
    const offsets = b.citationOffsets ?? [];
    for (const [s, e] of sentences(b.text)) {
      const sentence = b.text.slice(s, e);
      if (!CLAIM.test(sentence)) continue;
      // A citation inside the sentence, or right after its full stop (before the next sentence starts).
      const nextStart = e + (b.text.slice(e).match(/^\s*/)?.[0].length ?? 0);
      if (offsets.some((o) => o > s && o <= nextStart)) continue;
      out.push({
        rule: "uncited-claim",
        severity: "advisory",
        message: `This sentence states a figure, dose or research finding without a citation: “${excerpt(sentence.trim(), 70)}”. Cite the source it comes from.`,
        location: { ...blockLocation(b), excerpt: excerpt(sentence.trim(), 80) },
      });
    }
  }
  return out;
}

export {
  AUDIENCES,
  AUDIENCE_LABELS,
  INFLESZ_TARGETS,
  READABILITY_TARGETS,
  toAudience,
  type Audience,
} from "../audience";

/** Syllables in an English word, by vowel groups (the usual approximation; "-e" and "-es" endings silent). */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, "").replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

/** Flesch–Kincaid grade level of some prose, or null when there is too little to judge (< 100 words). */
export function fleschKincaidGrade(texts: string[]): { grade: number; words: number; sentences: number } | null {
  const c = countProse(texts, syllables);
  if (!c) return null;
  const grade = 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59;
  return { grade: Math.round(grade * 10) / 10, words: c.words, sentences: c.sentences };
}

/**
 * Words, sentences and syllables (counted by the language's own rule) of some prose, or null under 100 words,
 * too little to judge: the counts every readability formula here starts from.
 */
function countProse(
  texts: string[],
  syllablesOf: (word: string) => number,
): { words: number; sentences: number; syllables: number } | null {
  let words = 0;
  let sentences = 0;
  let syl = 0;
  for (const t of texts) {
    const ws = t.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    if (ws.length === 0) continue;
    words += ws.length;
    sentences += Math.max(1, (t.match(/[.!?]+(?=\s|$)/g) ?? []).length);
    for (const w of ws) syl += syllablesOf(w);
  }
  return words < 100 ? null : { words, sentences, syllables: syl };
}

/**
 * Syllables in a Spanish word. Spanish spelling is close to phonetic, so this counts vowel nuclei: adjacent
 * vowels share a syllable (a diphthong or triphthong) when one of them is an unstressed weak vowel (i, u, ü, or
 * y at the end of a word: "bien", "ciudad", "buey"), and are split (a hiatus) when both are strong (a, e, o) or
 * a weak one carries the accent ("día", "baúl"). The u of "que/qui" and "gue/gui" is silent.
 */
export function spanishSyllables(word: string): number {
  const w = word
    .toLowerCase()
    .replace(/[^a-záéíóúüñ]/g, "")
    .replace(/(?<=[qg])u(?=[eéií])/g, "")
    .replace(/y$/, "i");
  let count = 0;
  let prev = "";
  for (const ch of w) {
    const vowel = "aeiouáéíóúü".includes(ch);
    if (vowel) {
      const weak = (c: string) => "iuü".includes(c);
      const joins = prev !== "" && (weak(ch) || weak(prev)) && !(ch === prev);
      if (!joins) count++;
      prev = ch;
    } else prev = "";
  }
  return Math.max(1, count);
}

/**
 * INFLESZ readability of Spanish prose (Barrio-Cantalejo IM et al., "Validación de la Escala INFLESZ para evaluar
 * la legibilidad de los textos dirigidos a pacientes", An Sist Sanit Navar 2008;31(2):135–52): the
 * Szigriszt-Pazos perspicuity formula, P = 206.835 − 62.3 × (syllables / words) − (words / sentences), read on the
 * INFLESZ scale (< 40 very difficult, 40–55 somewhat difficult, 55–65 normal, 65–80 fairly easy, > 80 very
 * easy). Chosen over Fernández Huerta (L = 206.84 − 0.60 P − 1.02 F, a translation of Flesch's English
 * constants) because INFLESZ was validated on Spanish health texts for patients. Null under 100 words.
 */
export function infleszScore(texts: string[]): { score: number; words: number; sentences: number } | null {
  const c = countProse(texts, spanishSyllables);
  if (!c) return null;
  const score = 206.835 - 62.3 * (c.syllables / c.words) - c.words / c.sentences;
  return { score: Math.round(score * 10) / 10, words: c.words, sentences: c.sentences };
}

/** The readability rule, with the formula of the article's language. */
export function readability(
  blocks: TextBlock[],
  audience: Audience = "patients",
  locale: ReaderLocale = "en",
): Finding[] {
  const prose = sectionBodyBlocks(blocks).filter((b) => b.type === "paragraph" && b.listDepth === 0);
  const texts = prose.map((b) => b.text);
  const who = AUDIENCE_LABELS[audience].toLowerCase();
  if (locale === "es") {
    const result = infleszScore(texts);
    const target = INFLESZ_TARGETS[audience];
    if (!result || result.score >= target) return [];
    return [
      {
        rule: "readability",
        severity: "advisory",
        message: `Readability ${result.score.toFixed(1)} on the INFLESZ scale (Spanish, ${result.words} words) is below the target of ${target} for ${who} (the article's audience; higher is easier). Shorter sentences and shorter, everyday words help.`,
        location: { field: "body" },
      },
    ];
  }
  const result = fleschKincaidGrade(texts);
  const target = READABILITY_TARGETS[audience];
  if (!result || result.grade <= target) return [];
  return [
    {
      rule: "readability",
      severity: "advisory",
      message: `Reading grade ${result.grade.toFixed(1)} (Flesch–Kincaid, ${result.words} words) is above the target of ${target} for ${who} (the article's audience). Shorter sentences and everyday words help.`,
      location: { field: "body" },
    },
  ];
}
