// Tables created in raw SQL by migrations because Prisma's schema language cannot describe them (full-text
// indexes): the schema engine's diff must leave them alone. SQLite: the FTS5 tables and their shadow tables.
// PostgreSQL: the tsvector tables, schema-qualified as the engine wants them there.
import { POSTGRES_SEARCH_DOCUMENT_TABLE } from "../search/postgres-search-index";
import { SEARCH_EXTERNAL_TABLES } from "../search/sqlite-schema";
import { POSTGRES_STUDIO_DRAFT_SEARCH_TABLE, STUDIO_DRAFT_SEARCH_EXTERNAL_TABLES } from "../studio/draft-search";
import type { Dialect } from "./dialect";

export function externalTables(dialect: Dialect): string[] {
  if (dialect === "postgresql") {
    return [POSTGRES_SEARCH_DOCUMENT_TABLE, POSTGRES_STUDIO_DRAFT_SEARCH_TABLE].map((t) => `public.${t}`);
  }
  return [...SEARCH_EXTERNAL_TABLES, ...STUDIO_DRAFT_SEARCH_EXTERNAL_TABLES];
}
