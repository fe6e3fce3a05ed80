// Studio-only full-text search over working drafts (title, condition name, body text): what writers and
// editors are working on, never mixed with the public search (which indexes published text only). The
// index is kept by triggers on WorkingDraft (see the studio_draft_search migration), so every path that
// writes a draft — autosave, import, restore, seeding — keeps it current inside its own transaction.
import type { DbTx } from "../db/client";

/** The FTS5 table and its shadow tables, which Prisma's schema diff must leave alone. */
export const STUDIO_DRAFT_SEARCH_TABLE = "studio_draft_search";
export const STUDIO_DRAFT_SEARCH_EXTERNAL_TABLES = [
  STUDIO_DRAFT_SEARCH_TABLE,
  ...["_config", "_content", "_data", "_docsize", "_idx"].map((s) => STUDIO_DRAFT_SEARCH_TABLE + s),
];

/** Turns what a person typed into an FTS5 query: words only (no operators), all required, the last one as a prefix. */
export function toFtsQuery(input: string): string | null {
  const words =
    input
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 12) ?? [];
  if (!words.length) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 && w.length >= 3 ? "*" : ""}`).join(" ");
}

/** Article ids whose working draft matches, best first (bm25, title weighted up), at most `limit`. */
export async function searchDrafts(db: DbTx, input: string, limit = 5000): Promise<string[]> {
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
