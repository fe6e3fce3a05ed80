// The raw-SQL objects of a PostgreSQL database (see ./raw-objects.ts), each with the statement the newest
// migration that made it wrote (no trailing semicolon), in an order in which they can be made. PostgreSQL alters
// tables in place, so a migration never drops these by the way (unlike SQLite's table rebuilds).
// English stemming ('english', lib/db/dialects/postgres-text-search.ts) stands in for FTS5's porter tokenizer.
import type { RawObject } from "./raw-objects";

export const POSTGRES_OBJECTS: readonly RawObject[] = [
  {
    kind: "function",
    name: "AuditEvent_refuse_change",
    purposes: ["audit-append-only", "audit-no-truncate"],
    sql: `CREATE FUNCTION "AuditEvent_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only';
END;
$$`,
  },
  {
    kind: "trigger",
    name: "AuditEvent_refuse_update",
    table: "AuditEvent",
    purposes: ["audit-append-only"],
    sql: `CREATE TRIGGER "AuditEvent_refuse_update" BEFORE UPDATE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"()`,
  },
  {
    kind: "trigger",
    name: "AuditEvent_refuse_delete",
    table: "AuditEvent",
    purposes: ["audit-append-only"],
    sql: `CREATE TRIGGER "AuditEvent_refuse_delete" BEFORE DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"()`,
  },
  {
    // Row triggers do not see TRUNCATE.
    kind: "trigger",
    name: "AuditEvent_refuse_truncate",
    table: "AuditEvent",
    purposes: ["audit-no-truncate"],
    sql: `CREATE TRIGGER "AuditEvent_refuse_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_refuse_change"()`,
  },
  {
    // Every app process listens on this channel (lib/page-cache/postgres-change-reader.ts).
    kind: "function",
    name: "PublicChange_notify",
    purposes: ["public-change-push"],
    sql: `CREATE FUNCTION "PublicChange_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('public_change', NEW."counter"::text);
    RETURN NEW;
END;
$$`,
  },
  {
    kind: "trigger",
    name: "PublicChange_notify",
    table: "PublicChange",
    purposes: ["public-change-push"],
    sql: `CREATE TRIGGER "PublicChange_notify" AFTER INSERT OR UPDATE ON "PublicChange"
    FOR EACH ROW EXECUTE FUNCTION "PublicChange_notify"()`,
  },
  {
    // The live text by field and its weighted document (A: title and condition, B: alternative names,
    // C: summary and headings, D: body), written by lib/search/postgres-search-index.ts with accents folded.
    // The foreign key takes the text with its entry.
    kind: "table",
    name: "search_document",
    purposes: ["site-search-text", "site-search-follows-entry"],
    sql: `CREATE TABLE "search_document" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "SearchEntry"("id") ON DELETE CASCADE,
    "article_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "condition" TEXT NOT NULL,
    "alternative_names" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "headings" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "document" TSVECTOR NOT NULL
)`,
  },
  {
    kind: "index",
    name: "search_document_document_idx",
    table: "search_document",
    purposes: ["site-search-text"],
    sql: `CREATE INDEX "search_document_document_idx" ON "search_document" USING GIN ("document")`,
  },
  {
    // The body's plain text: every "text" value of the Tiptap JSON.
    kind: "function",
    name: "studio_draft_body_text",
    purposes: ["draft-search-text"],
    sql: `CREATE FUNCTION "studio_draft_body_text"(body TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN coalesce((SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(body::jsonb, 'strict $.** ? (@.type() == "object" && exists(@.text)).text') AS v), '');
EXCEPTION WHEN others THEN
    RETURN '';
END;
$$`,
  },
  {
    // One row per working draft; the foreign key takes it with its draft.
    kind: "table",
    name: "studio_draft_search",
    purposes: ["draft-search-text", "draft-search-follows-draft"],
    sql: `CREATE TABLE "studio_draft_search" (
    "article_id" TEXT NOT NULL PRIMARY KEY REFERENCES "WorkingDraft"("articleId") ON DELETE CASCADE,
    "document" TSVECTOR NOT NULL
)`,
  },
  {
    kind: "index",
    name: "studio_draft_search_document_idx",
    table: "studio_draft_search",
    purposes: ["draft-search-text"],
    sql: `CREATE INDEX "studio_draft_search_document_idx" ON "studio_draft_search" USING GIN ("document")`,
  },
  {
    kind: "function",
    name: "studio_draft_search_document",
    purposes: ["draft-search-text"],
    sql: `CREATE FUNCTION "studio_draft_search_document"(title TEXT, condition_name TEXT, body TEXT) RETURNS TSVECTOR
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(condition_name, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, "studio_draft_body_text"(body)), 'C')
$$`,
  },
  {
    kind: "function",
    name: "studio_draft_search_sync",
    purposes: ["draft-search-sync"],
    sql: `CREATE FUNCTION "studio_draft_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "studio_draft_search" ("article_id", "document")
    VALUES (NEW."articleId", "studio_draft_search_document"(NEW."title", NEW."conditionName", NEW."bodyJson"))
    ON CONFLICT ("article_id") DO UPDATE SET "document" = EXCLUDED."document";
    RETURN NEW;
END;
$$`,
  },
  {
    kind: "trigger",
    name: "studio_draft_search_insert",
    table: "WorkingDraft",
    purposes: ["draft-search-sync"],
    sql: `CREATE TRIGGER "studio_draft_search_insert" AFTER INSERT ON "WorkingDraft"
    FOR EACH ROW EXECUTE FUNCTION "studio_draft_search_sync"()`,
  },
  {
    kind: "trigger",
    name: "studio_draft_search_update",
    table: "WorkingDraft",
    purposes: ["draft-search-sync"],
    sql: `CREATE TRIGGER "studio_draft_search_update" AFTER UPDATE OF "title", "conditionName", "bodyJson" ON "WorkingDraft"
    FOR EACH ROW EXECUTE FUNCTION "studio_draft_search_sync"()`,
  },
];

/** Tables the schema diff must leave alone, schema-qualified as the engine wants them on PostgreSQL. */
export const POSTGRES_EXTERNAL_TABLES: readonly string[] = POSTGRES_OBJECTS.filter((o) => o.kind === "table").map(
  (o) => `public.${o.name}`,
);
