// Copies a SQLite site into an empty PostgreSQL database (npm run db:copy). The target is migrated first; its
// catalog then says what to copy: every table, its columns and types, and its foreign keys, which give the
// order (a table after the tables it references). Foreign keys that cannot be satisfied in order — a cycle
// (Article ↔ Revision) or a table referencing itself (comment replies) — are nullable here: those columns are
// written NULL first and filled in once every row exists. All in one transaction: the target is either a
// full copy or untouched. Rows are read and written in batches, so memory stays flat however large the site.
import Database from "better-sqlite3";
import { Client } from "pg";
import { createDb } from "../../lib/db/client";
import { postgresDialect } from "../../lib/db/dialects/postgres";
import { rebuildSearchIndex } from "../../lib/search/sync-article-search";
import { databaseFilePath } from "./db-file";
import { applyMigrations } from "./schema-engine";

interface Column {
  name: string;
  type: string; // information_schema data_type
  nullable: boolean;
}
interface ForeignKey {
  table: string;
  columns: string[];
  references: string;
}
interface Table {
  name: string;
  columns: Column[];
  primaryKey: string[];
}

export interface CopyReport {
  tables: Array<{ table: string; rows: number }>;
}

const BATCH = 500;
/**
 * Not copied: the full-text indexes, which each database keeps in its own form. The target's draft index fills
 * itself (a trigger on WorkingDraft); the site search tables are rebuilt from the live revisions after the copy.
 */
const REBUILT_ON_TARGET = new Set([
  ...postgresDialect.externalTables.map((t) => t.replace(/^public\./, "")),
  "SearchEntry",
  "SearchTerm",
]);
const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

async function readCatalog(pg: Client): Promise<{ tables: Table[]; foreignKeys: ForeignKey[] }> {
  const cols = await pg.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const pks = await pg.query<{ table_name: string; column_name: string }>(
    `SELECT tc.table_name, kcu.column_name
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name)
      WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY'
      ORDER BY kcu.ordinal_position`,
  );
  const fks = await pg.query<{ table: string; columns: string[]; references: string }>(
    `SELECT con.conrelid::regclass::text AS table, con.confrelid::regclass::text AS references,
            array_agg(att.attname ORDER BY k.n)::text[] AS columns
       FROM pg_constraint con
       CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
       JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum
      WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
      GROUP BY con.oid, con.conrelid, con.confrelid`,
  );
  const byName = new Map<string, Table>();
  for (const r of cols.rows) {
    if (REBUILT_ON_TARGET.has(r.table_name)) continue;
    const t = byName.get(r.table_name) ?? { name: r.table_name, columns: [], primaryKey: [] };
    t.columns.push({ name: r.column_name, type: r.data_type, nullable: r.is_nullable === "YES" });
    byName.set(r.table_name, t);
  }
  for (const r of pks.rows) byName.get(r.table_name)?.primaryKey.push(r.column_name);
  const unquote = (s: string) => s.replace(/^"|"$/g, "");
  const foreignKeys = fks.rows
    .map((r) => ({ ...r, table: unquote(r.table), references: unquote(r.references) }))
    .filter((fk) => byName.has(fk.table));
  return { tables: [...byName.values()], foreignKeys };
}

/** Copy order, and per table the foreign-key columns to write NULL first and fill in at the end. */
export function planCopy(tables: Table[], foreignKeys: ForeignKey[]) {
  const order: Table[] = [];
  const done = new Set<string>();
  const deferred = new Map<string, Set<string>>();
  const fksOf = (t: Table) => foreignKeys.filter((fk) => fk.table === t.name);
  const isNullable = (t: Table, fk: ForeignKey) =>
    fk.columns.every((c) => t.columns.find((col) => col.name === c)?.nullable);
  while (order.length < tables.length) {
    const left = tables.filter((t) => !done.has(t.name));
    // Prefer a table whose every reference is already copied; else one whose unmet references are nullable.
    const ready =
      left.find((t) => fksOf(t).every((fk) => done.has(fk.references) && fk.references !== t.name)) ??
      left.find((t) =>
        fksOf(t).every((fk) => (done.has(fk.references) && fk.references !== t.name) || isNullable(t, fk)),
      );
    if (!ready) throw new Error(`Cannot order tables for copying: ${left.map((t) => t.name).join(", ")}`);
    const later = fksOf(ready).filter((fk) => !done.has(fk.references) || fk.references === ready.name);
    if (later.length) deferred.set(ready.name, new Set(later.flatMap((fk) => fk.columns)));
    order.push(ready);
    done.add(ready.name);
  }
  return { order, deferred };
}

/** A SQLite value as PostgreSQL's column type wants it (Prisma keeps DateTime as ISO text, Boolean as 0/1). */
function convert(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return value === 1 || value === 1n || value === true || value === "1" || value === "true";
  if (type.startsWith("timestamp")) {
    const d =
      typeof value === "number" || typeof value === "bigint" ? new Date(Number(value)) : new Date(String(value));
    return d.toISOString();
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

export async function copyDatabase(fromUrl: string, toUrl: string, log: (line: string) => void = () => {}) {
  const applied = await applyMigrations(toUrl);
  if (applied.length) log(`Target migrated (${applied.length} migration(s)).`);
  const source = new Database(databaseFilePath(fromUrl), { readonly: true, fileMustExist: true });
  source.defaultSafeIntegers(true);
  const pg = new Client({ connectionString: toUrl });
  await pg.connect();
  const report: CopyReport = { tables: [] };
  try {
    const { tables, foreignKeys } = await readCatalog(pg);
    for (const t of tables) {
      const { rows } = await pg.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${q(t.name)}`);
      if (rows[0].n !== "0") throw new Error(`The target is not empty: table ${t.name} has ${rows[0].n} row(s).`);
      const exists = source.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t.name);
      if (!exists) throw new Error(`The source has no table ${t.name}: run npm run db:deploy on it first.`);
    }
    const { order, deferred } = planCopy(tables, foreignKeys);
    const fixupsOf = new Map<string, unknown[][]>(); // table → [primary key…, deferred values…]
    await pg.query("BEGIN");
    for (const t of order) {
      const later = deferred.get(t.name) ?? new Set<string>();
      const names = t.columns.map((c) => c.name);
      const select = source.prepare(`SELECT ${names.map(q).join(", ")} FROM ${q(t.name)}`).raw(true);
      let batch: unknown[][] = [];
      let count = 0;
      const fixups: unknown[][] = [];
      const flush = async () => {
        if (!batch.length) return;
        const params: unknown[] = [];
        const values = batch.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(", ")})`);
        await pg.query(`INSERT INTO ${q(t.name)} (${names.map(q).join(", ")}) VALUES ${values.join(", ")}`, params);
        count += batch.length;
        batch = [];
      };
      for (const raw of select.iterate() as Iterable<unknown[]>) {
        const row = raw.map((v, i) => convert(v, t.columns[i].type));
        if (later.size) {
          const fix = [...later].map((c) => row[names.indexOf(c)]);
          if (fix.some((v) => v !== null)) fixups.push([...t.primaryKey.map((k) => row[names.indexOf(k)]), ...fix]);
          for (const c of later) row[names.indexOf(c)] = null;
        }
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      fixupsOf.set(t.name, fixups);
      report.tables.push({ table: t.name, rows: count });
      log(`${t.name}: ${count} row(s)`);
    }
    // Fill in the deferred references now that every row exists.
    for (const t of order) {
      const fixups = fixupsOf.get(t.name) ?? [];
      const later = [...(deferred.get(t.name) ?? [])];
      for (const fix of fixups) {
        const keys = fix.slice(0, t.primaryKey.length);
        const vals = fix.slice(t.primaryKey.length);
        const set = later.map((c, i) => `${q(c)} = $${i + 1}`).join(", ");
        const where = t.primaryKey.map((k, i) => `${q(k)} = $${later.length + i + 1}`).join(" AND ");
        await pg.query(`UPDATE ${q(t.name)} SET ${set} WHERE ${where}`, [...vals, ...keys]);
      }
    }
    // Identity sequences continue after the copied ids (the audit log's after the highest id ever handed out,
    // so that a deletion at the end of the chain still shows).
    const serials = await pg.query<{ table_name: string; column_name: string; seq: string }>(
      `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
         FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials.rows) {
      const { rows } = await pg.query<{ max: string | null }>(
        `SELECT max(${q(s.column_name)})::text AS max FROM ${q(s.table_name)}`,
      );
      const seqRow = source.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).get(s.table_name) as
        { seq: bigint } | undefined;
      const highest = Math.max(Number(rows[0].max ?? 0), Number(seqRow?.seq ?? 0));
      if (highest > 0) await pg.query(`SELECT setval($1, $2, true)`, [s.seq, highest]);
    }
    await pg.query("COMMIT");
    // Row counts, table by table, after the commit.
    for (const { table, rows } of report.tables) {
      const target = await pg.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${q(table)}`);
      const sourceCount = (source.prepare(`SELECT count(*) AS n FROM ${q(table)}`).get() as { n: bigint }).n;
      if (Number(target.rows[0].n) !== Number(sourceCount) || rows !== Number(sourceCount))
        throw new Error(`Row count differs for ${table}: source ${sourceCount}, target ${target.rows[0].n}`);
    }
    const db = createDb(toUrl);
    try {
      const indexed = await rebuildSearchIndex(db);
      log(`Search index rebuilt on the target (${indexed} article(s)).`);
    } finally {
      await db.$disconnect();
    }
    return report;
  } catch (err) {
    await pg.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    source.close();
    await pg.end();
  }
}
