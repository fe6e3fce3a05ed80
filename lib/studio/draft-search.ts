// Studio-only full-text search over working drafts (title, condition name, body text): what writers and
// editors are working on, never mixed with the public search (which indexes published text only). The
// index is kept by triggers on WorkingDraft (see the studio_draft_search migration of each database), so every
// path that writes a draft — autosave, import, restore, seeding — keeps it current inside its own transaction.
// SQLite: an FTS5 table ranked by bm25. PostgreSQL: a tsvector per draft under a GIN index, ranked by ts_rank
// with the same weights' order (title, then condition name, then body).
import type { DbTx } from "../db/client";
import { dialectOf } from "../db/dialect";
import { tsqueryOf } from "../db/postgres-text-search";

/** The FTS5 table and its shadow tables, which Prisma's schema diff must leave alone. */
export const STUDIO_DRAFT_SEARCH_TABLE = "studio_draft_search";
export const STUDIO_DRAFT_SEARCH_EXTERNAL_TABLES = [
  STUDIO_DRAFT_SEARCH_TABLE,
  ...["_config", "_content", "_data", "_docsize", "_idx"].map((s) => STUDIO_DRAFT_SEARCH_TABLE + s),
];
/** The PostgreSQL twin: one table (no shadow tables). */
export const POSTGRES_STUDIO_DRAFT_SEARCH_TABLE = "studio_draft_search";

const MAX_WORDS = 12;
/** A last word shorter than this is matched whole: a one- or two-letter prefix matches nearly everything. */
const MIN_PREFIX_LENGTH = 3;

/** The words of what a person typed: letters and digits only, lower-case, at most a dozen. */
function draftQueryWords(input: string): string[] {
  return (
    input
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, MAX_WORDS) ?? []
  );
}

/** Turns what a person typed into an FTS5 query: words only (no operators), all required, the last one as a prefix. */
export function toFtsQuery(input: string): string | null {
  const words = draftQueryWords(input);
  if (!words.length) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 && w.length >= MIN_PREFIX_LENGTH ? "*" : ""}`).join(" ");
}

/** Article ids whose working draft matches, best first (title weighted up), at most `limit`. */
export async function searchDrafts(db: DbTx, input: string, limit = 5000): Promise<string[]> {
  if (dialectOf(db) === "postgresql") return searchDraftsPostgres(db, input, limit);
  const query = toFtsQuery(input);
  if (!query) return [];
  const rows = await db.$queryRawUnsafe<Array<{ articleId: string }>>(
    `SELECT articleId FROM ${STUDIO_DRAFT_SEARCH_TABLE} WHERE ${STUDIO_DRAFT_SEARCH_TABLE} MATCH ? ` +
      `ORDER BY bm25(${STUDIO_DRAFT_SEARCH_TABLE}, 0.0, 5.0, 3.0, 1.0) LIMIT ?`,
    query,
    limit,
  );
  return rows.map((r) => r.articleId);
}

async function searchDraftsPostgres(db: DbTx, input: string, limit: number): Promise<string[]> {
  const words = draftQueryWords(input);
  if (!words.length) return [];
  const last = words[words.length - 1];
  // Whole words, and the last one as a prefix when it is long enough (as the FTS5 query above).
  const prefix = last.length >= MIN_PREFIX_LENGTH;
  const tsq = tsqueryOf(
    words.map((w) => [w]),
    1,
    prefix,
  );
  const n = tsq.params.length;
  const rows = await db.$queryRawUnsafe<Array<{ articleId: string }>>(
    `SELECT s."article_id" AS "articleId" FROM "${POSTGRES_STUDIO_DRAFT_SEARCH_TABLE}" s, (SELECT ${tsq.sql} AS query) q
     WHERE s."document" @@ q.query
     ORDER BY ts_rank('{0.1, 0.2, 0.6, 1.0}', s."document", q.query) DESC, s."article_id"
     LIMIT $${n + 1}`,
    ...tsq.params,
    limit,
  );
  return rows.map((r) => r.articleId);
}
