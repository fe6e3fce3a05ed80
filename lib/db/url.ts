/** Default database file, outside git (see .gitignore). */
export const DEFAULT_DATABASE_FILE = "data/imprimatur.db";

/** The SQLite URL in use: DATABASE_URL, or the default file under ./data (relative to the working directory). */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:./${DEFAULT_DATABASE_FILE}`;
}
