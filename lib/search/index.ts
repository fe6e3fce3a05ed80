// The search engine of this deployment. SQLite only for now; a PostgreSQL engine implements the same
// SearchIndex interface and is chosen here by the database in use.
import type { SearchIndex } from "./search-index";
import { sqliteSearchIndex } from "./sqlite-search-index";

export function searchIndex(): SearchIndex {
  return sqliteSearchIndex;
}
