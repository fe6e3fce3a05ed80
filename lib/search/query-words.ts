// Words as the search index sees them: letters and digits only, lower-case, accents folded (as FTS5's
// unicode61 tokenizer with remove_diacritics folds them). A reader's query goes through the same function, so
// nothing typed can reach FTS5's query syntax.

export const QUERY_MAX_LENGTH = 200;
export const QUERY_MAX_WORDS = 8;
const WORD_MAX_LENGTH = 40;

export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Distinct words of a text (for the vocabulary of typo corrections). */
export function textWords(text: string): string[] {
  const words = fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length <= WORD_MAX_LENGTH))];
}

/** The words of a reader's query: at most a few, repeats and very long words dropped. */
export function queryWords(query: string): string[] {
  return textWords(query.slice(0, QUERY_MAX_LENGTH)).slice(0, QUERY_MAX_WORDS);
}
