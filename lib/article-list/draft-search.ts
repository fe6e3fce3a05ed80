// Studio-only full-text search over working drafts (title, condition name, body text): what writers and
// editors are working on, never mixed with the public search (which indexes published text only). The index is
// kept by triggers on WorkingDraft (declared in lib/db/dialects/{sqlite,postgres}-objects.ts), so every path
// that writes a draft — autosave, import, restore, seeding — keeps it current inside its own transaction.
// Each database has its own engine (sqlite-draft-search.ts, postgres-draft-search.ts), reached through the
// database's adapter; the words are taken from what was typed here, once, for both.
import type { DbTx } from "../db/client";
import { dialectFor } from "../db/dialects/dialect";
import { spellingsFor } from "../search/vocabulary";

const MAX_WORDS = 12;
/** A last word shorter than this is matched whole: a one- or two-letter prefix matches nearly everything. */
const MIN_PREFIX_LENGTH = 3;

/**
 * What to look for: every word required (letters and digits only, lower-case), the last maybe as a prefix.
 * `spellings` has one group per word: the word itself, then the near spellings the readers' search would also
 * try for a typo (lib/search/vocabulary.ts); any spelling of a group matches.
 */
export interface DraftQuery {
  words: string[];
  spellings: string[][];
  /** The last word is still being typed: match it (and its near spellings) as a prefix. */
  lastIsPrefix: boolean;
}

export interface DraftSearchIndex {
  /** Article ids whose working draft matches, best first (title weighted up), at most `limit`. */
  search(db: DbTx, query: DraftQuery, limit: number): Promise<string[]>;
}

/** The query in what a person typed (no operators: words only, at most a dozen); null when it has no words. */
export function draftQuery(input: string): DraftQuery | null {
  const words =
    input
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, MAX_WORDS) ?? [];
  if (!words.length) return null;
  return {
    words,
    spellings: words.map((w) => [w]),
    lastIsPrefix: words[words.length - 1].length >= MIN_PREFIX_LENGTH,
  };
}

/**
 * Article ids whose working draft matches, best first (title weighted up), at most `limit`. A typo is
 * tolerated as on the readers' search: a word no published article uses is also looked for as the words one
 * edit away that are used (the same vocabulary and rule, spellingsFor). The word as typed is always kept, so a
 * word only drafts use still finds them.
 */
export async function searchDrafts(db: DbTx, input: string, limit = 5000): Promise<string[]> {
  const query = draftQuery(input);
  if (!query) return [];
  const { spellings } = await spellingsFor(db, query.words);
  return dialectFor(db).draftSearch.search(db, { ...query, spellings }, limit);
}
