// The SQLite full-text table of the site search. It is an FTS5 virtual table, which Prisma's schema language
// cannot describe, so the search migration creates it in raw SQL and this list declares it (and the shadow
// tables FTS5 keeps beside it) as externally managed: prisma.config.ts (`tables.external`) and the offline
// migration scripts (scripts/lib/schema-engine.ts) pass it on, so the schema diff leaves them alone.

/** Ranked text of each live article (porter stemming: "ulcers" finds "ulcer"). rowid = SearchEntry.id. */
export const SEARCH_DOCUMENT_TABLE = "search_document";

const FTS5_SHADOW_SUFFIXES = ["_config", "_content", "_data", "_docsize", "_idx"];

export const SEARCH_EXTERNAL_TABLES: string[] = [
  SEARCH_DOCUMENT_TABLE,
  ...FTS5_SHADOW_SUFFIXES.map((s) => SEARCH_DOCUMENT_TABLE + s),
];
