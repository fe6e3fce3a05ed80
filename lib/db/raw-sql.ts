// Spelling differences for the few raw SQL statements (bulk inserts where the ORM's per-batch query planning
// costs more than the insert): bound-parameter markers and value encodings.
import type { Dialect } from "./dialect";

/** The marker for the n-th (1-based) bound parameter. */
export function placeholder(dialect: Dialect, n: number): string {
  return dialect === "postgresql" ? `$${n}` : "?";
}

/** `(?, ?, ?), (?, ?, ?)` or `($1, $2, $3), ($4, $5, $6)` for `rows` rows of `columns` values. */
export function valuesList(dialect: Dialect, rows: number, columns: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 1; c <= columns; c++) marks.push(placeholder(dialect, r * columns + c));
    out.push(`(${marks.join(", ")})`);
  }
  return out.join(", ");
}

/**
 * A DateTime value as the column stores it. Prisma keeps DateTime in SQLite as ISO text with an explicit
 * offset ("2026-11-25T17:05:49.010+00:00") and compares it as text, so raw writes must use exactly that form;
 * PostgreSQL has a timestamp type and takes the Date.
 */
export function dateTimeParam(dialect: Dialect, d: Date): string | Date {
  return dialect === "postgresql" ? d : d.toISOString().replace("Z", "+00:00");
}

/** SQLite stores booleans as 0/1; PostgreSQL has a boolean type. */
export function booleanParam(dialect: Dialect, b: boolean): boolean | number {
  return dialect === "postgresql" ? b : b ? 1 : 0;
}
