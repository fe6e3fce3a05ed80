// What the database says about its migrations (Prisma's _prisma_migrations table, the same on both databases):
// which are applied, the newest one, and which committed ones are not applied yet.
import type { DbTx } from "../db/client";

/** Names of the migrations applied to this database, oldest first. */
export async function appliedMigrations(db: DbTx): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT "migration_name" AS name FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"`,
  );
  return rows.map((r) => r.name);
}

/** The newest applied migration (folder names start with their timestamp), or null on an empty database. */
export async function latestAppliedMigration(db: DbTx): Promise<string | null> {
  const applied = await appliedMigrations(db);
  return applied.length ? applied[applied.length - 1] : null;
}

/** Committed migrations the database has not applied, in the order db:deploy applies them. */
export function pendingMigrations(committed: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied);
  return [...committed].sort().filter((name) => !done.has(name));
}
