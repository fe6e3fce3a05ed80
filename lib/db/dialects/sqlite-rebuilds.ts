// SQLite cannot alter most of a table in place, so Prisma's migrations rebuild it (RedefineTables: create
// "new_X", copy the rows, drop "X", rename "new_X" to "X"). Dropping the table drops its triggers, and rowids
// may change. npm run db:migrate passes each new SQLite migration through here, so the raw-SQL objects of a
// rebuilt table come back as lib/db/dialects/sqlite-objects.ts declares them, and indexes keyed by its rowids
// are refilled.
import { SQLITE_OBJECTS, SQLITE_REFILL_AFTER_REBUILD } from "./sqlite-objects";

/** Tables a migration script rebuilds, in order. */
export function rebuiltTables(migrationSql: string): string[] {
  return [...migrationSql.matchAll(/^ALTER TABLE "new_(\w+)" RENAME TO "\1";$/gm)].map((m) => m[1]);
}

/** The migration with the declared triggers of every table it rebuilds recreated at its end, then refills. */
export function withSqliteObjectsRecreated(migrationSql: string): string {
  const blocks = rebuiltTables(migrationSql).flatMap((table) => {
    const triggers = SQLITE_OBJECTS.filter((o) => o.kind === "trigger" && o.table === table);
    const refill = SQLITE_REFILL_AFTER_REBUILD[table] ?? [];
    if (!triggers.length && !refill.length) return [];
    return [
      `-- Rebuilding "${table}" dropped its triggers: recreated as lib/db/dialects/sqlite-objects.ts declares them` +
        (refill.length ? ", and what is keyed by its rowids refilled." : "."),
      ...[...triggers.map((o) => o.sql), ...refill].map((sql) => `${sql};`),
    ].join("\n");
  });
  return blocks.length ? [migrationSql.trimEnd(), ...blocks].join("\n\n") : migrationSql;
}
