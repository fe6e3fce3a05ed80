// Site search on PostgreSQL: the twin of sqlite-search-index.ts, with the same results.
// - search_document (lib/db/dialects/postgres-objects.ts; id = SearchEntry.id): the
//   live text by field, and a weighted tsvector of it under a GIN index (English stemming: plural and singular
//   match). Ranked by ts_rank with the title and condition name weighted up most, then alternative names, then
//   summary and headings, then the body; matched words marked by ts_headline.
// - SearchTerm (vocabulary.ts): the unstemmed words for typo corrections, as on SQLite.
// Accents are folded before the text reaches the tsvector (fold(), as FTS5's unicode61 tokenizer does), so
// "diabete" finds "diabète"; the marks are computed on the text as written.
import type { DbTx } from "../db/client";
import { SITE_SEARCH_TABLE } from "../db/dialects/raw-objects";
import { tsqueryOf } from "../db/dialects/postgres-text-search";
import { TEXT_SEARCH_CONFIGS } from "./search-locale";
import { HIDDEN_STATUSES } from "../public/live-filter";
import { MATCH_END, MATCH_START, hitFromMarkedRow, type MarkedRow } from "./highlight";
import { fold, textWords } from "./query-words";
import type { SearchIndex, SearchResultPage } from "./search-index";
import { addWords, removeWords, spellingsFor } from "./vocabulary";

const DOC = `"${SITE_SEARCH_TABLE}"`;
const COLUMNS = ["title", "condition", "alternative_names", "summary", "headings", "body"] as const;
/** tsvector weight of each column, in COLUMNS order. */
const COLUMN_WEIGHTS = ["A", "A", "B", "C", "C", "D"] as const;
/** ts_rank's weights for D, C, B, A. */
const RANK_WEIGHTS = "'{0.1, 0.3, 0.6, 1.0}'";
const MARK_ALL = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", HighlightAll=true`;
const MARK_SNIPPET = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxWords=28, MinWords=12, MaxFragments=1`;

type Row = MarkedRow;

export const postgresSearchIndex: SearchIndex = {
  async indexArticle(tx, doc) {
    const entry = await tx.searchEntry.upsert({
      where: { articleId: doc.articleId },
      create: { articleId: doc.articleId, revisionId: doc.revisionId },
      update: { revisionId: doc.revisionId, indexedAt: new Date() },
      select: { id: true },
    });
    await dropText(tx, entry.id);
    const values = [doc.title, doc.conditionName, doc.alternativeNames.join("; "), doc.summary, doc.headings, doc.body];
    const config = TEXT_SEARCH_CONFIGS[doc.locale];
    const vector = COLUMN_WEIGHTS.map((w, i) => `setweight(to_tsvector('${config}', $${9 + i}), '${w}')`).join(" || ");
    await tx.$executeRawUnsafe(
      `INSERT INTO ${DOC} ("id", "article_id", ${COLUMNS.map((c) => `"${c}"`).join(", ")}, "document")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${vector})`,
      entry.id,
      doc.articleId,
      ...values,
      ...values.map(fold),
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
    // The language is one of TEXT_SEARCH_CONFIGS' keys (a closed list), so it is written into the SQL as is.
    const CONFIG = TEXT_SEARCH_CONFIGS[terms.locale];
    const tsq = tsqueryOf(spellings, 1, false, CONFIG);
    const live = `JOIN "SearchEntry" e ON e."id" = d."id"
      JOIN "Article" a ON a."id" = e."articleId" AND a."liveRevisionId" = e."revisionId"
        AND a."status"::text NOT IN (${HIDDEN_STATUSES.map((s) => `'${s}'`).join(", ")})
        AND a."locale" = '${terms.locale}'`;
    const n = tsq.params.length;
    // Ranked first, marked after: ts_headline re-parses the text, so only the page's rows get it. The body
    // snippet is the costly one, so it is made only for results whose summary has none of the words.
    const rows = await db.$queryRawUnsafe<Row[]>(
      `WITH q AS (SELECT ${tsq.sql} AS query),
       ranked AS (
         SELECT d."id", ts_rank(${RANK_WEIGHTS}, d."document", q.query) AS score, a."lastPublishedAt" AS published_at
         FROM ${DOC} d CROSS JOIN q ${live}
         WHERE d."document" @@ q.query
         ORDER BY score DESC, published_at DESC NULLS LAST
         LIMIT $${n + 1} OFFSET $${n + 2}
       )
       SELECT e."articleId" AS "articleId", a."slug" AS "slug", a."lastPublishedAt" AS "lastPublishedAt",
         ts_headline('${CONFIG}', d."title", q.query, $${n + 3}) AS "title",
         d."condition" AS "conditionName",
         ts_headline('${CONFIG}', d."alternative_names", q.query, $${n + 3}) AS "alternativeNames",
         s.marked AS "summary",
         CASE WHEN strpos(s.marked, '${MATCH_START}') > 0 THEN NULL
              ELSE ts_headline('${CONFIG}', d."body", q.query, $${n + 4}) END AS "bodySnippet"
       FROM ranked
       JOIN ${DOC} d ON d."id" = ranked."id"
       CROSS JOIN q
       CROSS JOIN LATERAL (SELECT ts_headline('${CONFIG}', d."summary", q.query, $${n + 3}) AS marked) s
       JOIN "SearchEntry" e ON e."id" = d."id"
       JOIN "Article" a ON a."id" = e."articleId"
       ORDER BY ranked.score DESC, ranked.published_at DESC NULLS LAST`,
      ...tsq.params,
      pageSize,
      (page - 1) * pageSize,
      MARK_ALL,
      MARK_SNIPPET,
    );
    const total =
      rows.length < pageSize && page === 1
        ? rows.length
        : Number(
            (
              await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(
                `SELECT count(*) AS n FROM ${DOC} d ${live} WHERE d."document" @@ (${tsq.sql})`,
                ...tsq.params,
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
    `SELECT ${COLUMNS.map((c) => `"${c}"`).join(", ")} FROM ${DOC} WHERE "id" = $1`,
    entryId,
  );
  if (old.length === 0) return;
  await removeWords(tx, textWords(COLUMNS.map((c) => old[0][c] ?? "").join("\n")));
  await tx.$executeRawUnsafe(`DELETE FROM ${DOC} WHERE "id" = $1`, entryId);
}
