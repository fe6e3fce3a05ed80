// Readiness of this process's database for serving: reachable, and every committed migration for its kind of
// database applied. Used by /readyz so that a load balancer (or start:cluster) sends traffic only to processes
// that can serve it. The answer never includes connection details or driver messages.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { DbTx } from "./client";
import { dialectFor, type DatabaseDialect, type DialectName } from "./dialects/dialect";
import { appliedMigrations, pendingMigrations } from "../release/applied-migrations";

export type Readiness =
  { ready: true; database: DialectName; migrations: number } | { ready: false; database: DialectName; problem: string };

/**
 * Migration folder names committed for the database (relative to the app's working directory). The build
 * cannot see which folder this reads: next.config.js names both for /readyz (outputFileTracingIncludes).
 */
export function committedMigrations(dialect: DatabaseDialect, root = process.cwd()): string[] {
  const dir = path.join(/* turbopackIgnore: true */ root, dialect.migrationsDir);
  if (!existsSync(/* turbopackIgnore: true */ dir)) return [];
  return readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

export async function checkReadiness(db: DbTx, expected?: string[]): Promise<Readiness> {
  const dialect = dialectFor(db);
  const database = dialect.name;
  let applied: string[];
  try {
    applied = await appliedMigrations(db);
  } catch {
    return { ready: false, database, problem: "database unreachable or not migrated" };
  }
  const wanted = expected ?? committedMigrations(dialect);
  const pending = pendingMigrations(wanted, applied);
  if (pending.length) return { ready: false, database, problem: `${pending.length} migration(s) not applied` };
  return { ready: true, database, migrations: wanted.length };
}
