// Objects the migrations make in raw SQL because Prisma's schema language cannot describe them: triggers,
// functions, full-text tables and their indexes. Each database declares its own in one place
// (./sqlite-objects.ts, ./postgres-objects.ts), each object once, with the statement that makes it, exactly as
// the newest migration that (re)made it wrote it. Migrations are history and are never rewritten (sites have them
// recorded by name and checksum); these lists are the present.
//
// raw-objects.test.ts keeps the two in step: every purpose below is served on both databases unless it says
// why it is one-sided, and a freshly migrated database of each kind holds exactly the declared objects, with
// the declared definitions. A migration that rebuilds a SQLite table drops that table's triggers:
// `npm run db:migrate` recreates them from ./sqlite-objects.ts (./sqlite-rebuilds.ts).

/** The full-text tables of the site search and of the studio draft search (same names on both databases). */
export const SITE_SEARCH_TABLE = "search_document";
export const DRAFT_SEARCH_TABLE = "studio_draft_search";

export type RawObjectKind = "trigger" | "function" | "table" | "virtual table" | "index";

export interface RawObject {
  kind: RawObjectKind;
  name: string;
  /** The table a trigger or index belongs to. */
  table?: string;
  /** What it is there for (a key of RAW_OBJECT_PURPOSES): the twin on the other database serves the same ones. */
  purposes: readonly RawObjectPurpose[];
  /** The one statement that makes it. */
  sql: string;
}

interface Purpose {
  what: string;
  /** Set when only one database needs it, with the reason. */
  onlyOn?: { dialect: "sqlite" | "postgresql"; why: string };
}

export const RAW_OBJECT_PURPOSES = {
  "audit-append-only": {
    what: "the database itself refuses to change or remove an audit event (lib/audit/record-event.ts)",
  },
  "audit-no-truncate": {
    what: "the database refuses to empty the audit table in one statement",
    onlyOn: {
      dialect: "postgresql",
      why: "SQLite has no TRUNCATE: emptying a table is a DELETE, which its delete trigger already refuses",
    },
  },
  "public-change-push": {
    what: "each committed public change is pushed to every app process's page cache (NOTIFY public_change)",
    onlyOn: {
      dialect: "postgresql",
      why: "on SQLite each process reads the counter from the database file on every request instead",
    },
  },
  "site-search-text": {
    what: "the live text of each indexed article, ranked by field (lib/search)",
  },
  "site-search-follows-entry": {
    what: "an article's search text goes when its SearchEntry goes (article deleted by cascade)",
  },
  "draft-search-text": {
    what: "a full-text index of each working draft's title, condition name and body (studio draft search)",
  },
  "draft-search-sync": {
    what: "every insert and update of a WorkingDraft updates its draft search text in the same transaction",
  },
  "draft-search-follows-draft": {
    what: "a working draft's search text goes when the draft goes",
  },
} satisfies Record<string, Purpose>;

export type RawObjectPurpose = keyof typeof RAW_OBJECT_PURPOSES;

/** The purposes one database serves: those its objects name. */
export function purposesServed(objects: readonly RawObject[]): Set<RawObjectPurpose> {
  return new Set(objects.flatMap((o) => o.purposes));
}
