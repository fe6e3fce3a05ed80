// The upgrade fixtures (tests/fixtures/upgrade/<version>/): a database an earlier release left behind, as SQL,
// with its row counts and that release's rendering of its live articles. Shared by the upgrade tests.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, "..", "..");
export const FIXTURES_DIR = path.join(ROOT, "tests", "fixtures", "upgrade");
/** The key an operator has configured when upgrading (0.1.0 had none; later fixtures record theirs). */
export const UPGRADE_AUDIT_KEY = "upgrade-test-audit-key-0123456789abcdef-0123";

export interface Fixture {
  version: string;
  commit: string;
  auditKey: string | null;
  tables: Record<string, number>;
  dir: string;
  sql: string;
  rendering: Record<string, { publicArticle: Record<string, unknown>; renderedBodyHtml: string }>;
}

export function upgradeFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(FIXTURES_DIR, d.name, "fixture.json")))
    .map((d) => {
      const dir = path.join(FIXTURES_DIR, d.name);
      const meta = JSON.parse(readFileSync(path.join(dir, "fixture.json"), "utf8"));
      return {
        ...meta,
        dir,
        sql: readFileSync(path.join(dir, "database.sql"), "utf8"),
        rendering: JSON.parse(readFileSync(path.join(dir, "rendering.json"), "utf8")),
      } as Fixture;
    });
}

/** The fixture loaded into a fresh SQLite file (WAL, as db:deploy leaves a site's file). */
export function loadFixture(fixture: Fixture): { dir: string; file: string; url: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `imprimatur-upgrade-${fixture.version}-`));
  const file = path.join(dir, "site.db");
  const db = new Database(file);
  db.exec(fixture.sql);
  db.pragma("journal_mode = WAL");
  db.close();
  return { dir, file, url: `file:${file}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of every table of the fixture, as that release stored them, keyed by table. */
export function fixtureRows(fixture: Fixture): Map<string, { columns: string[]; rows: unknown[][] }> {
  const db = new Database(":memory:");
  try {
    db.exec(fixture.sql);
    return tableRows(db, Object.keys(fixture.tables));
  } finally {
    db.close();
  }
}

/** Rows of the given tables in primary-key order, only the named columns (default: all). */
export function tableRows(
  db: Database.Database,
  tables: string[],
  columnsOf?: (table: string) => string[] | undefined,
): Map<string, { columns: string[]; rows: unknown[][] }> {
  db.defaultSafeIntegers(true);
  const out = new Map<string, { columns: string[]; rows: unknown[][] }>();
  for (const table of tables) {
    const info = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; pk: number | bigint }>;
    if (!info.length) continue;
    const columns = columnsOf?.(table) ?? info.map((c) => c.name);
    const pk = info.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
    const order = pk.length ? pk.map((c) => `"${c.name}"`).join(", ") : columns.map((c) => `"${c}"`).join(", ");
    const rows = db
      .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}" ORDER BY ${order}`)
      .raw(true)
      .all() as unknown[][];
    out.set(table, { columns, rows });
  }
  return out;
}

/** Runs one of the project's npm scripts (its tsx entry) on the given database, as an operator would. */
export async function npmScript(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}
