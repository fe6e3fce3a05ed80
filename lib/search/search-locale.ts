// What the site search does differently per language. Every article is indexed with its locale and a search
// only looks at articles in the language of the page it was made from (a Spanish page searches Spanish
// articles). Accents are folded in both languages (fold(): "diabetes" finds "diabétes" and the other way).
//
// Stemming (plural and singular, masculine and feminine):
// - SQLite: the FTS5 table's tokenizer is porter over unicode61 with remove_diacritics 2. Porter only knows
//   English suffixes: on Spanish words it strips a final "s" and "e" at most. So a Spanish query word is cut to
//   a light stem (spanishQueryStem: plural -s/-es, then the gender vowel) and searched as a prefix: "síntomas"
//   finds "síntoma", "diabético" finds "diabética" and "diabéticos".
// - PostgreSQL: a Spanish article's tsvector and a Spanish query use PostgreSQL's own `spanish` text search
//   configuration (the Snowball Spanish stemmer and stop words), on text folded by the app as the English
//   index is (Debian's postgresql-15 ships `unaccent`, but it needs CREATE EXTENSION by a privileged role on
//   every database; folding in the app needs nothing and gives the same words on both sides).
import type { ReaderLocale } from "../i18n/locales";

/** The PostgreSQL text search configuration of each language. */
export const TEXT_SEARCH_CONFIGS: Record<ReaderLocale, string> = { en: "english", es: "spanish" };

/** Shorter words are searched as typed: their stems would match too many other words as prefixes. */
const MIN_STEMMED_LENGTH = 5;

/**
 * A light Spanish stem of an (already folded) query word, for prefix matching: the plural ending (-es after a
 * consonant, else -s), then a final gender vowel (-a, -o, -e). In the manner of Savoy's light Spanish stemmer
 * (J. Savoy, "Light stemming approaches for the French, Portuguese, German and Hungarian languages", and his
 * Spanish variant), which keeps precision by removing inflection only.
 */
export function spanishQueryStem(word: string): string {
  if (word.length < MIN_STEMMED_LENGTH || /\d/.test(word)) return word;
  let stem = word;
  if (/[^aeiou]es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith("s")) stem = stem.slice(0, -1);
  if (stem.length >= MIN_STEMMED_LENGTH && /[aoe]$/.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

/** One spelling of a query word as an FTS5 term for a language (words are letters and digits only). */
export function fts5Term(word: string, locale: ReaderLocale): string {
  if (locale === "es") {
    const stem = spanishQueryStem(word);
    return stem === word && word.length < MIN_STEMMED_LENGTH ? `"${word}"` : `"${stem}"*`;
  }
  return `"${word}"`;
}
