// The search engine of the database in use: SQLite FTS5 or PostgreSQL tsvector, behind one SearchIndex
// interface so callers never ask which.
import type { DbTx } from "../db/client";
import { dialectOf } from "../db/dialect";
import { postgresSearchIndex } from "./postgres-search-index";
import type { SearchIndex } from "./search-index";
import { sqliteSearchIndex } from "./sqlite-search-index";

export function searchIndex(db: DbTx): SearchIndex {
  return dialectOf(db) === "postgresql" ? postgresSearchIndex : sqliteSearchIndex;
}
