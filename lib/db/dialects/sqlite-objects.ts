// The raw-SQL objects of a SQLite database (see ./raw-objects.ts), each with the statement the newest migration
// that made it wrote (no trailing semicolon). On SQLite a table rebuild (Prisma's RedefineTables: new table,
// copy, drop, rename) drops the table's triggers: npm run db:migrate adds them back to such a migration from
// here, and refills what SQLITE_REFILL_AFTER_REBUILD lists (./sqlite-rebuilds.ts).
// Kept free of run-time imports: prisma.config.ts loads it (before any client is generated).
import type { RawObject } from "./raw-objects";

const AUDIT_REFUSE = `BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END`;

/** The body's plain text: every "text" value of the Tiptap JSON, taken by json_tree. */
const draftBodyText = (row: string) =>
  `(SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(CASE WHEN json_valid(${row}"bodyJson") THEN ${row}"bodyJson" ELSE '{}' END) WHERE key = 'text')`;

/** The draft search text of the WorkingDraft row a trigger fired for. */
const INSERT_DRAFT_TEXT = `  INSERT INTO "studio_draft_search" (rowid, articleId, title, conditionName, body)
  VALUES (
    NEW.rowid, NEW."articleId", NEW."title", NEW."conditionName",
    ${draftBodyText("NEW.")}
  );`;

export const SQLITE_OBJECTS: readonly RawObject[] = [
  {
    kind: "trigger",
    name: "AuditEvent_refuse_update",
    table: "AuditEvent",
    purposes: ["audit-append-only"],
    sql: `CREATE TRIGGER "AuditEvent_refuse_update" BEFORE UPDATE ON "AuditEvent"\n${AUDIT_REFUSE}`,
  },
  {
    kind: "trigger",
    name: "AuditEvent_refuse_delete",
    table: "AuditEvent",
    purposes: ["audit-append-only"],
    sql: `CREATE TRIGGER "AuditEvent_refuse_delete" BEFORE DELETE ON "AuditEvent"\n${AUDIT_REFUSE}`,
  },
  {
    // rowid = SearchEntry.id. Porter-stemmed so that plural and singular forms match.
    kind: "virtual table",
    name: "search_document",
    purposes: ["site-search-text"],
    sql: `CREATE VIRTUAL TABLE "search_document" USING fts5(
    "article_id" UNINDEXED,
    "title",
    "condition",
    "alternative_names",
    "summary",
    "headings",
    "body",
    tokenize = 'porter unicode61 remove_diacritics 2'
)`,
  },
  {
    kind: "trigger",
    name: "SearchEntry_delete_text",
    table: "SearchEntry",
    purposes: ["site-search-follows-entry"],
    sql: `CREATE TRIGGER "SearchEntry_delete_text" AFTER DELETE ON "SearchEntry" BEGIN
    DELETE FROM "search_document" WHERE rowid = OLD."id";
END`,
  },
  {
    // rowid = the WorkingDraft row's rowid.
    kind: "virtual table",
    name: "studio_draft_search",
    purposes: ["draft-search-text"],
    sql: `CREATE VIRTUAL TABLE "studio_draft_search" USING fts5(
  articleId UNINDEXED,
  title,
  conditionName,
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
)`,
  },
  {
    kind: "trigger",
    name: "studio_draft_search_ai",
    table: "WorkingDraft",
    purposes: ["draft-search-sync"],
    sql: `CREATE TRIGGER "studio_draft_search_ai" AFTER INSERT ON "WorkingDraft" BEGIN
${INSERT_DRAFT_TEXT}
END`,
  },
  {
    kind: "trigger",
    name: "studio_draft_search_au",
    table: "WorkingDraft",
    purposes: ["draft-search-sync"],
    sql: `CREATE TRIGGER "studio_draft_search_au" AFTER UPDATE OF "title", "conditionName", "bodyJson" ON "WorkingDraft" BEGIN
  DELETE FROM "studio_draft_search" WHERE rowid = OLD.rowid;
${INSERT_DRAFT_TEXT}
END`,
  },
  {
    kind: "trigger",
    name: "studio_draft_search_ad",
    table: "WorkingDraft",
    purposes: ["draft-search-follows-draft"],
    sql: `CREATE TRIGGER "studio_draft_search_ad" AFTER DELETE ON "WorkingDraft" BEGIN
  DELETE FROM "studio_draft_search" WHERE rowid = OLD.rowid;
END`,
  },
];

/**
 * Indexes keyed by a table's rowid must be emptied and refilled when that table is rebuilt (its rowids change).
 * Table → statements, run after the table's triggers are back.
 */
export const SQLITE_REFILL_AFTER_REBUILD: Readonly<Record<string, readonly string[]>> = {
  WorkingDraft: [
    `DELETE FROM "studio_draft_search"`,
    `INSERT INTO "studio_draft_search" (rowid, articleId, title, conditionName, body)
SELECT
  rowid, "articleId", "title", "conditionName",
  ${draftBodyText("")}
FROM "WorkingDraft"`,
  ],
};

/** FTS5 keeps these tables beside each full-text table. */
const FTS5_SHADOW_SUFFIXES = ["_config", "_content", "_data", "_docsize", "_idx"];

/** Tables the schema diff must leave alone: the FTS5 tables and their shadow tables. */
export const SQLITE_EXTERNAL_TABLES: readonly string[] = SQLITE_OBJECTS.filter(
  (o) => o.kind === "virtual table",
).flatMap((o) => [o.name, ...FTS5_SHADOW_SUFFIXES.map((s) => o.name + s)]);
