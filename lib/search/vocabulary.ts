// The vocabulary of the live articles (SearchTerm): every word of their text, unstemmed, with the number of live
// articles using it. A query word that no article uses is read as the words one edit away that are there (a
// typo). Shared by both databases' search engines; only the way a list of words is bound differs (the adapter's
// `wordList`: a JSON array read by json_each on SQLite, json_array_elements_text on PostgreSQL).
import type { DbTx } from "../db/client";
import { dialectFor } from "../db/dialects/dialect";
import { MIN_CORRECTABLE_LENGTH, editDistanceOneVariants } from "./typo";

/** Near spellings tried per misspelt word (the most used ones). */
const CORRECTIONS_PER_WORD = 3;

/** `SELECT value FROM <the words bound as one JSON array parameter>`. */
const wordList = (db: DbTx) => dialectFor(db).wordList;

/** Counts one more live article for each of `words` (distinct). */
export async function addWords(tx: DbTx, words: string[]): Promise<void> {
  if (words.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "SearchTerm" ("term", "articles") SELECT value, 1 FROM (${wordList(tx)}) AS w WHERE true
     ON CONFLICT ("term") DO UPDATE SET "articles" = "SearchTerm"."articles" + 1`,
    JSON.stringify(words),
  );
}

/** Counts one live article less for each of `words` (distinct); words no article uses any more go. */
export async function removeWords(tx: DbTx, words: string[]): Promise<void> {
  if (words.length === 0) return;
  const list = JSON.stringify(words);
  await tx.$executeRawUnsafe(
    `UPDATE "SearchTerm" SET "articles" = "articles" - 1 WHERE "term" IN (${wordList(tx)})`,
    list,
  );
  await tx.$executeRawUnsafe(`DELETE FROM "SearchTerm" WHERE "term" IN (${wordList(tx)}) AND "articles" <= 0`, list);
}

/**
 * For each word, the spellings to search for: the word itself, plus (when no published article uses it) the
 * vocabulary words one edit away, most used first.
 */
export async function spellingsFor(db: DbTx, words: string[]) {
  const known = await vocabularyCounts(db, words);
  const spellings: string[][] = [];
  const corrections: Record<string, string[]> = {};
  for (const word of words) {
    if (known.has(word) || word.length < MIN_CORRECTABLE_LENGTH) {
      spellings.push([word]);
      continue;
    }
    const near = [...(await vocabularyCounts(db, editDistanceOneVariants(word)))]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, CORRECTIONS_PER_WORD)
      .map(([term]) => term);
    if (near.length) corrections[word] = near;
    spellings.push([word, ...near]);
  }
  return { spellings, corrections };
}

/** Words of `candidates` that occur in published articles, with the number of articles using each. */
async function vocabularyCounts(db: DbTx, candidates: string[]): Promise<Map<string, number>> {
  if (candidates.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<Array<{ term: string; doc: number | bigint }>>(
    `SELECT "term" AS term, "articles" AS doc FROM "SearchTerm" WHERE "term" IN (${wordList(db)})`,
    JSON.stringify(candidates),
  );
  return new Map(rows.map((r) => [r.term, Number(r.doc)]));
}
