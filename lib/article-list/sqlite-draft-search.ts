// Draft search on SQLite: the FTS5 table studio_draft_search (lib/db/dialects/sqlite-objects.ts), ranked by
// bm25 with the title weighted up most, then the condition name, then the body.
import { DRAFT_SEARCH_TABLE as TABLE } from "../db/dialects/raw-objects";
import type { DraftQuery, DraftSearchIndex } from "./draft-search";

/**
 * The FTS5 query: each spelling quoted (so nothing typed is FTS5 syntax), every word's group required (any
 * spelling of it; FTS5 needs the explicit AND after a group), the last group maybe prefixes.
 */
export function toFtsQuery({ spellings, lastIsPrefix }: DraftQuery): string {
  return spellings
    .map((group, i) => {
      const star = i === spellings.length - 1 && lastIsPrefix ? "*" : "";
      const terms = group.map((w) => `"${w}"${star}`);
      return terms.length === 1 ? terms[0] : `(${terms.join(" OR ")})`;
    })
    .join(" AND ");
}

export const sqliteDraftSearch: DraftSearchIndex = {
  async search(db, query, limit) {
    const rows = await db.$queryRawUnsafe<Array<{ articleId: string }>>(
      `SELECT articleId FROM ${TABLE} WHERE ${TABLE} MATCH ? ORDER BY bm25(${TABLE}, 0.0, 5.0, 3.0, 1.0) LIMIT ?`,
      toFtsQuery(query),
      limit,
    );
    return rows.map((r) => r.articleId);
  },
};
