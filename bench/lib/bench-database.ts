// A fresh, migrated database for one bench run, and how to throw it away: a SQLite file in WAL mode (as
// db:deploy leaves a site) under the system's temporary folder, or with `postgres` a scratch PostgreSQL database
// (PG_ADMIN_URL's cluster, else a throwaway one: scripts/lib/scratch-postgres.ts).
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { createScratchDatabase } from "../../scripts/lib/scratch-postgres";

export interface BenchDatabase {
  url: string;
  /** The SQLite file, for a bench that fills it with raw statements first; null on PostgreSQL. */
  file: string | null;
  drop(): Promise<void>;
}

export async function createBenchDatabase(name: string, options: { postgres?: boolean } = {}): Promise<BenchDatabase> {
  if (options.postgres) {
    const scratch = await createScratchDatabase(`bench_${name.replace(/\W/g, "_")}`);
    await applyMigrations(scratch.url);
    return { url: scratch.url, file: null, drop: () => scratch.drop() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `imprimatur-bench-${name}-`));
  // Migrate a template (the schema engine keeps its connection to it open), then work on a copy in WAL mode.
  const template = path.join(dir, "template.db");
  await applyMigrations(`file:${template}`);
  const file = path.join(dir, "bench.db");
  copyFileSync(template, file);
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  return { url: `file:${file}`, file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
