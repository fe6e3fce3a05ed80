// The raw-SQL objects each database declares (sqlite-objects.ts, postgres-objects.ts) are the ones its
// migrations make: the two lists serve the same purposes, and a freshly migrated database of the kind this run
// uses holds exactly the declared objects, with the declared definitions.
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../../tests/helpers/test-db";
import { Prisma } from "../../generated/prisma/client";
import { POSTGRES_OBJECTS } from "./postgres-objects";
import { RAW_OBJECT_PURPOSES, purposesServed, type RawObject, type RawObjectPurpose } from "./raw-objects";
import { SQLITE_OBJECTS } from "./sqlite-objects";

const DECLARED = { sqlite: SQLITE_OBJECTS, postgresql: POSTGRES_OBJECTS };

describe("declared raw-SQL objects", () => {
  it("serve the same purposes on both databases, except those that say why only one needs them", () => {
    const served = { sqlite: purposesServed(SQLITE_OBJECTS), postgresql: purposesServed(POSTGRES_OBJECTS) };
    const purposes: Record<string, { what: string; onlyOn?: { dialect: string } }> = RAW_OBJECT_PURPOSES;
    for (const [purpose, { onlyOn }] of Object.entries(purposes)) {
      for (const dialect of ["sqlite", "postgresql"] as const) {
        const wanted = !onlyOn || onlyOn.dialect === dialect;
        expect({ purpose, dialect, served: served[dialect].has(purpose as RawObjectPurpose) }).toEqual({
          purpose,
          dialect,
          served: wanted,
        });
      }
    }
  });

  it.each(Object.entries(DECLARED))("on %s: each statement makes the object named, once", (_, objects) => {
    const keyword = { trigger: "TRIGGER", function: "FUNCTION", table: "TABLE", "virtual table": "VIRTUAL TABLE" };
    for (const o of objects) {
      const head = o.kind === "index" ? "INDEX" : keyword[o.kind];
      expect(o.sql, o.name).toMatch(new RegExp(`^CREATE ${head} "${o.name}"[\\s(]`));
      if (o.table) expect(o.sql, o.name).toMatch(new RegExp(`\\sON "${o.table}"\\s`));
      expect(o.sql, o.name).not.toMatch(/;\s*$/);
    }
    expect(new Set(objects.map((o) => `${o.kind} ${o.name}`)).size).toBe(objects.length);
  });
});

describe("a freshly migrated database", () => {
  const t = createTestDb();
  afterAll(() => t.cleanup());

  it("holds exactly the declared raw-SQL objects, as declared", async () => {
    if (t.kind === "sqlite") {
      const rows = await t.db.$queryRawUnsafe<Array<{ type: string; name: string; table: string; sql: string }>>(
        `SELECT type, name, tbl_name AS "table", sql FROM sqlite_master
          WHERE type = 'trigger' OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%') ORDER BY name`,
      );
      const found = rows.map((r) => ({
        kind: r.type === "table" ? "virtual table" : r.type,
        name: r.name,
        ...(r.type === "trigger" ? { table: r.table } : {}),
        sql: squash(r.sql),
      }));
      expect(found).toEqual(described(SQLITE_OBJECTS).map((o) => ({ ...o, sql: squash(o.sql) })));
      return;
    }
    const pg = new Client({ connectionString: t.url });
    await pg.connect();
    try {
      const migrated = await postgresCatalog(pg);
      expect(Object.keys(migrated).sort()).toEqual(POSTGRES_OBJECTS.map((o) => `${o.kind} ${o.name}`).sort());
      // The declared statements, run in place of the migrated objects, make the same catalog entries.
      await pg.query("BEGIN");
      try {
        const tables = POSTGRES_OBJECTS.filter((o) => o.kind === "table").map((o) => `"${o.name}"`);
        await pg.query(`DROP TABLE ${tables.join(", ")} CASCADE`);
        for (const f of POSTGRES_OBJECTS.filter((o) => o.kind === "function")) {
          await pg.query(`DROP FUNCTION "${f.name}" CASCADE`); // and the triggers that call it
        }
        expect(await postgresCatalog(pg)).toEqual({});
        for (const o of POSTGRES_OBJECTS) await pg.query(o.sql);
        expect(await postgresCatalog(pg)).toEqual(migrated);
      } finally {
        await pg.query("ROLLBACK");
      }
    } finally {
      await pg.end();
    }
  });
});

/** Whitespace runs as one space: indentation is not part of the definition. */
const squash = (sql: string) => sql.replace(/\s+/g, " ").trim();

function described(objects: readonly RawObject[]) {
  return objects
    .map(({ kind, name, table, sql }) => ({ kind, name, ...(kind === "trigger" ? { table } : {}), sql }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The raw-SQL objects of a PostgreSQL database as the catalog describes them ("kind name" → definition):
 * functions, triggers (not the internal ones behind foreign keys), tables that are not Prisma models (columns
 * and constraints) and the indexes on those tables other than their keys.
 */
async function postgresCatalog(pg: Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const functions = await pg.query<{ name: string; def: string }>(
    `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace`,
  );
  for (const f of functions.rows) out[`function ${f.name}`] = f.def;
  const triggers = await pg.query<{ name: string; def: string }>(
    `SELECT t.tgname AS name, pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`,
  );
  for (const tr of triggers.rows) out[`trigger ${tr.name}`] = tr.def;
  const models = new Set<string>([...Object.values(Prisma.ModelName), "_prisma_migrations"]);
  const tables = (
    await pg.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)
  ).rows
    .map((r) => r.name)
    .filter((name) => !models.has(name));
  for (const table of tables) {
    const columns = await pg.query(
      `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const constraints = await pg.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = format('public.%I', $1::text)::regclass ORDER BY conname`,
      [table],
    );
    out[`table ${table}`] = JSON.stringify({ columns: columns.rows, constraints: constraints.rows });
  }
  const indexes = await pg.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = ANY($1::text[])
        AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [tables],
  );
  for (const i of indexes.rows) out[`index ${i.name}`] = i.def;
  return out;
}
