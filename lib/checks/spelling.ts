// Spelling: nspell (a Hunspell-compatible checker in plain JavaScript) with the word list of the article's
// language (dictionary-en, dictionary-es), plus the medical word list shipped here and the project dictionary
// editors extend (DictionaryWord). Each language's dictionary is loaded once per process, on first use (English
// ~0.1 s, Spanish ~1 s: its affix rules are larger), and shared; checking is a hash lookup per distinct word.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import nspell from "nspell";
import { excerpt, type TextBlock } from "../content/document-blocks";
import { DEFAULT_READER_LOCALE, type ReaderLocale } from "../i18n/locales";
import { MEDICAL_WORDS } from "./medical-words";
import type { Finding } from "./types";

export interface WordChecker {
  correct(word: string): boolean;
}

const spellers = new Map<ReaderLocale, ReturnType<typeof nspell>>();

/**
 * dictionary-en's own entry point reads its files with a top-level await relative to import.meta.url,
 * which bundlers (Next) rewrite; reading the two files from the installed package directly works the
 * same under node, tsx, vitest and `next start` (all run from the project root). The paths are spelt out whole
 * so that the build traces exactly these files (a path built from a variable makes it trace the whole
 * project); a folder given in IMPRIMATUR_DICTIONARY_DIR (English) is read at run time only.
 */
function readDictionary(locale: ReaderLocale): { aff: Buffer; dic: Buffer } {
  if (locale === "es") {
    return {
      aff: readFileSync(path.join(process.cwd(), "node_modules", "dictionary-es", "index.aff")),
      dic: readFileSync(path.join(process.cwd(), "node_modules", "dictionary-es", "index.dic")),
    };
  }
  const dir = process.env.IMPRIMATUR_DICTIONARY_DIR;
  if (dir) {
    return {
      aff: readFileSync(path.join(/* turbopackIgnore: true */ dir, "index.aff")),
      dic: readFileSync(path.join(/* turbopackIgnore: true */ dir, "index.dic")),
    };
  }
  return {
    aff: readFileSync(path.join(process.cwd(), "node_modules", "dictionary-en", "index.aff")),
    dic: readFileSync(path.join(process.cwd(), "node_modules", "dictionary-en", "index.dic")),
  };
}

/** The dictionary speller of a language (loaded on first use). */
export function spellerFor(locale: ReaderLocale): ReturnType<typeof nspell> {
  let speller = spellers.get(locale);
  if (!speller) {
    speller = nspell(readDictionary(locale));
    spellers.set(locale, speller);
  }
  return speller;
}

export function englishSpeller(): ReturnType<typeof nspell> {
  return spellerFor("en");
}

let medicalTerms: Set<string> | null = null;

/**
 * The medical word list of @cspell/dict-medicalterms (about 98,000 terms, GPL-3.0-or-later, read from the
 * installed package at run time, not copied into this repository): one term per line, gzip-compressed;
 * lines starting with "#" are comments. Read the same way as dictionary-en, from the installed package (or from
 * IMPRIMATUR_MEDICAL_TERMS_FILE).
 */
export function medicalTermList(): Set<string> {
  if (!medicalTerms) {
    const override = process.env.IMPRIMATUR_MEDICAL_TERMS_FILE;
    const set = new Set<string>();
    try {
      const gz = override
        ? readFileSync(/* turbopackIgnore: true */ override)
        : readFileSync(
            path.join(process.cwd(), "node_modules", "@cspell", "dict-medicalterms", "dict", "medicalterms-en.txt.gz"),
          );
      for (const line of gunzipSync(gz).toString("utf8").split("\n")) {
        const w = line.trim();
        if (w && !w.startsWith("#")) set.add(w.toLowerCase());
      }
    } catch {
      // Without the package only the built-in list below is used; spelling findings are advisory.
    }
    medicalTerms = set;
  }
  return medicalTerms;
}

function stripPossessive(w: string): string {
  return w.replace(/['’]s$/i, "").replace(/['’]$/, "");
}

/**
 * A checker that accepts the language's dictionary words, medical words and the given project words (any case).
 * The medical list is English, but its Latin and Greek terms (calcinosis, cutis) are the same in Spanish texts,
 * and a word it holds is never a Spanish misspelling that matters, so it is kept for every language.
 */
export function createWordChecker(
  projectWords: Iterable<string> = [],
  locale: ReaderLocale = DEFAULT_READER_LOCALE,
): WordChecker {
  const speller = spellerFor(locale);
  const extra = new Set<string>(MEDICAL_WORDS);
  for (const w of projectWords) extra.add(w.normalize("NFKC").toLowerCase());
  const medical = medicalTermList();
  const has = (w: string) => extra.has(w) || medical.has(w);
  const cache = new Map<string, boolean>();
  const known = (w: string): boolean => {
    const lower = w.toLowerCase();
    if (has(lower)) return true;
    if (lower.endsWith("s") && has(lower.slice(0, -1))) return true;
    if (lower.endsWith("es") && has(lower.slice(0, -2))) return true;
    return speller.correct(w) || (w !== lower && speller.correct(lower));
  };
  return {
    correct(raw: string) {
      const w = stripPossessive(raw.normalize("NFKC"));
      let ok = cache.get(w);
      if (ok === undefined) {
        ok = known(w) || known(w.replace(/’/g, "'"));
        cache.set(w, ok);
      }
      return ok;
    },
  };
}

// Words of letters with inner apostrophes; numbers and words with digits are not spell-checked.
const WORD = /[\p{L}][\p{L}'’]*/gu;
/** An all-capitals short word is an abbreviation (MRI, NSAID, DNA), not a misspelling. */
const ABBREVIATION = /^[\p{Lu}]{2,8}s?$/u;
const MAX_SPELLING_FINDINGS = 200;

export function misspellings(blocks: TextBlock[], checker: WordChecker): Finding[] {
  const out: Finding[] = [];
  for (const b of blocks) {
    const reported = new Set<string>();
    // Digits glued to letters (e.g. "B12", "COVID-19") mean an identifier: split at hyphens/digits and skip.
    for (const m of b.text.matchAll(WORD)) {
      const word = m[0].replace(/['’]+$/, "");
      if (word.length < 2 || ABBREVIATION.test(word)) continue;
      const prev = b.text[m.index - 1];
      const next = b.text[m.index + m[0].length];
      if ((prev && /\d/.test(prev)) || (next && /\d/.test(next))) continue;
      if (checker.correct(word)) continue;
      const key = word.toLowerCase();
      if (reported.has(key)) continue;
      reported.add(key);
      out.push({
        rule: "spelling",
        severity: "advisory",
        message: `“${word}” may be misspelled. If it is right, an editor can add it to the project dictionary.`,
        location: {
          field: "body",
          blockIndex: b.blockIndex,
          path: b.path,
          excerpt: excerpt(contextAround(b.text, m.index, word.length)),
        },
        subject: word,
      });
      if (out.length >= MAX_SPELLING_FINDINGS) return out;
    }
  }
  return out;
}

function contextAround(text: string, index: number, length: number): string {
  const start = Math.max(0, text.lastIndexOf(" ", Math.max(0, index - 30)));
  return text.slice(start, Math.min(text.length, index + length + 30)).trim();
}
