import path from "node:path";
import { databaseUrl } from "../../lib/db/url";

/** Absolute path of the SQLite file named by a `file:` URL (relative paths resolve from the working directory). */
export function databaseFilePath(url: string = databaseUrl()): string {
  const withoutScheme = url.replace(/^file:/, "").split("?")[0];
  return path.resolve(process.cwd(), withoutScheme);
}
