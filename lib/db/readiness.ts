// Readiness of this process's database for serving: reachable, and every committed migration for its kind of
// database applied. Used by /readyz so that a load balancer (or start:cluster) sends traffic only to processes
// that can serve it. The answer never includes connection details or driver messages.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { DbTx } from "./client";
import { dialectOf } from "./dialect";
import { appliedMigrations, pendingMigrations } from "../release/applied-migrations";

export type Readiness =
  | { ready: true; database: "sqlite" | "postgresql"; migrations: number }
  | { ready: false; database: "sqlite" | "postgresql"; problem: string };

/** Migration folder names committed for the dialect (relative to the app's working directory). */
export function committedMigrations(dialect: "sqlite" | "postgresql", root = process.cwd()): string[] {
  const dir =
    dialect === "postgresql"
      ? path.join(root, "prisma", "postgres", "migrations")
      : path.join(root, "prisma", "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

export async function checkReadiness(db: DbTx, expected?: string[]): Promise<Readiness> {
  const database = dialectOf(db);
  let applied: string[];
  try {
    applied = await appliedMigrations(db);
  } catch {
    return { ready: false, database, problem: "database unreachable or not migrated" };
  }
  const wanted = expected ?? committedMigrations(database);
  const pending = pendingMigrations(wanted, applied);
  if (pending.length) return { ready: false, database, problem: `${pending.length} migration(s) not applied` };
  return { ready: true, database, migrations: wanted.length };
}
