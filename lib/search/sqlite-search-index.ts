// Site search on SQLite FTS5 (compiled into better-sqlite3).
// - search_document (lib/db/dialects/sqlite-objects.ts; rowid = SearchEntry.id): the live
//   text by field, porter-stemmed (plural and singular match), ranked by bm25 with the title, condition name
//   and alternative names weighted up, with highlighted snippets.
// - SearchTerm (vocabulary.ts): every word of the live text, unstemmed, with the number of live articles using
//   it, for typo corrections. A plain indexed table, because looking up a few hundred candidate spellings must
//   take well under a millisecond.
// Every statement uses bound parameters; the FTS5 query itself is built only from letters and digits.
import type { DbTx } from "../db/client";
import { SITE_SEARCH_TABLE as DOC } from "../db/dialects/raw-objects";
import { HIDDEN_STATUSES } from "../public/live-filter";
import { MATCH_END, MATCH_START, hitFromMarkedRow, type MarkedRow } from "./highlight";
import { textWords } from "./query-words";
import type { SearchDocument, SearchIndex, SearchResultPage, SearchTerms } from "./search-index";
import { addWords, removeWords, spellingsFor } from "./vocabulary";
import { fts5Term } from "./search-locale";

/** bm25 weights by column: article_id (not indexed), title, condition, alternative_names, summary, headings, body. */
const WEIGHTS = [0, 10, 8, 6, 3, 2, 1].join(", ");
const SNIPPET_TOKENS = 28;
const COLUMNS = ["title", "condition", "alternative_names", "summary", "headings", "body"] as const;

type Row = MarkedRow;

export const sqliteSearchIndex: SearchIndex = {
  async indexArticle(tx, doc) {
    const entry = await tx.searchEntry.upsert({
      where: { articleId: doc.articleId },
      create: { articleId: doc.articleId, revisionId: doc.revisionId },
      update: { revisionId: doc.revisionId, indexedAt: new Date() },
      select: { id: true },
    });
    await dropText(tx, entry.id);
    const values = [doc.title, doc.conditionName, doc.alternativeNames.join("; "), doc.summary, doc.headings, doc.body];
    await tx.$executeRawUnsafe(
      `INSERT INTO ${DOC} (rowid, article_id, ${COLUMNS.join(", ")}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      entry.id,
      doc.articleId,
      ...values,
    );
    await addWords(tx, textWords(values.join("\n")));
  },

  async removeArticle(tx, articleId) {
    const entry = await tx.searchEntry.findUnique({ where: { articleId }, select: { id: true } });
    if (!entry) return;
    await dropText(tx, entry.id);
    await tx.searchEntry.delete({ where: { id: entry.id } });
  },

  async search(db, terms, { page, pageSize, query }) {
    const empty: SearchResultPage = { query, corrections: {}, total: 0, page, pageSize, hits: [] };
    if (terms.words.length === 0) return empty;
    const { spellings, corrections } = await spellingsFor(db, terms.words);
    const match = spellings
      .map((alts) => `(${[...new Set(alts.map((w) => fts5Term(w, terms.locale)))].join(" OR ")})`)
      .join(" AND ");

    const from = `FROM ${DOC} JOIN "SearchEntry" e ON e."id" = ${DOC}.rowid
      JOIN "Article" a ON a."id" = e."articleId" AND a."liveRevisionId" = e."revisionId"
        AND a."status" NOT IN (${HIDDEN_STATUSES.map((s) => `'${s}'`).join(", ")})
        AND a."locale" = ?
      WHERE ${DOC} MATCH ?`;
    const mark = `'${MATCH_START}', '${MATCH_END}'`;
    // Ranked first, marked after: SQLite would otherwise compute highlights and snippets for every match before
    // sorting. CROSS JOIN keeps the ten ranked rows as the outer loop, so each is one rowid lookup. The body
    // snippet is the costly part (it re-reads the body), so CASE computes it only for results whose summary has
    // none of the words. (No window count here: bm25 cannot run under a window function.)
    const rows = await db.$queryRawUnsafe<Row[]>(
      `WITH ranked AS (
         SELECT ${DOC}.rowid AS id, bm25(${DOC}, ${WEIGHTS}) AS score, a."lastPublishedAt" AS publishedAt
         ${from}
         ORDER BY score, publishedAt DESC
         LIMIT ? OFFSET ?
       )
       SELECT e."articleId" AS articleId, a."slug" AS slug, a."lastPublishedAt" AS lastPublishedAt,
         highlight(${DOC}, 1, ${mark}) AS title,
         ${DOC}.condition AS conditionName,
         highlight(${DOC}, 3, ${mark}) AS alternativeNames,
         highlight(${DOC}, 4, ${mark}) AS summary,
         CASE WHEN instr(highlight(${DOC}, 4, ${mark}), '${MATCH_START}') > 0 THEN NULL
              ELSE snippet(${DOC}, 6, ${mark}, '…', ${SNIPPET_TOKENS}) END AS bodySnippet
       FROM ranked
       CROSS JOIN ${DOC} ON ${DOC}.rowid = ranked.id
       JOIN "SearchEntry" e ON e."id" = ranked.id
       JOIN "Article" a ON a."id" = e."articleId"
       WHERE ${DOC} MATCH ?
       ORDER BY ranked.score, ranked.publishedAt DESC`,
      terms.locale,
      match,
      pageSize,
      (page - 1) * pageSize,
      match,
    );
    // Counting walks the matches without ranking them: cheap next to the ranked page.
    const total =
      rows.length < pageSize && page === 1
        ? rows.length
        : Number(
            (
              await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(
                `SELECT count(*) AS n ${from}`,
                terms.locale,
                match,
              )
            )[0].n,
          );
    const hits = rows.map(hitFromMarkedRow);
    return { query, corrections, total, page, pageSize, hits };
  },
};

/** Removes an entry's text from the full-text table and its words from the vocabulary counts. */
async function dropText(tx: DbTx, entryId: number) {
  const old = await tx.$queryRawUnsafe<Array<Record<string, string>>>(
    `SELECT ${COLUMNS.join(", ")} FROM ${DOC} WHERE rowid = ?`,
    entryId,
  );
  if (old.length === 0) return;
  await removeWords(tx, textWords(COLUMNS.map((c) => old[0][c] ?? "").join("\n")));
  await tx.$executeRawUnsafe(`DELETE FROM ${DOC} WHERE rowid = ?`, entryId);
}

export type { SearchDocument, SearchTerms };
