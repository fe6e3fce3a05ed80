/** Default database file, outside git (see .gitignore). */
export const DEFAULT_DATABASE_FILE = "data/imprimatur.db";

/**
 * The database in use: DATABASE_URL, or the default SQLite file under ./data (relative to the working
 * directory). `file:…` is SQLite (the embedded default); `postgres://…` or `postgresql://…` is PostgreSQL
 * (lib/db/dialects/dialect-for-url.ts).
 */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:./${DEFAULT_DATABASE_FILE}`;
}
