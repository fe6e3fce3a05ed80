import path from "node:path";

/** Default database file, outside git (see .gitignore). */
export const DEFAULT_DATABASE_FILE = "data/imprimatur.db";

/** The SQLite URL in use: DATABASE_URL, or the default file under ./data. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:./${DEFAULT_DATABASE_FILE}`;
}

/** Absolute path of the SQLite file named by a `file:` URL (relative paths resolve from the working directory). */
export function databaseFilePath(url: string = databaseUrl()): string {
  const withoutScheme = url.replace(/^file:/, "").split("?")[0];
  return path.resolve(process.cwd(), withoutScheme);
}
