// Draft search on PostgreSQL: a tsvector per draft under a GIN index (studio_draft_search, see
// lib/db/dialects/postgres-objects.ts), ranked by ts_rank with the same order of weights as on SQLite (title,
// then condition name, then body).
import { DRAFT_SEARCH_TABLE } from "../db/dialects/raw-objects";
import { tsqueryOf } from "../db/dialects/postgres-text-search";
import type { DraftSearchIndex } from "./draft-search";

export const postgresDraftSearch: DraftSearchIndex = {
  async search(db, { spellings, lastIsPrefix }, limit) {
    const tsq = tsqueryOf(spellings, 1, lastIsPrefix);
    const n = tsq.params.length;
    const rows = await db.$queryRawUnsafe<Array<{ articleId: string }>>(
      `SELECT s."article_id" AS "articleId" FROM "${DRAFT_SEARCH_TABLE}" s, (SELECT ${tsq.sql} AS query) q
     WHERE s."document" @@ q.query
     ORDER BY ts_rank('{0.1, 0.2, 0.6, 1.0}', s."document", q.query) DESC, s."article_id"
     LIMIT $${n + 1}`,
      ...tsq.params,
      limit,
    );
    return rows.map((r) => r.articleId);
  },
};
