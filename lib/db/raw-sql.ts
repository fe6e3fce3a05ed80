// Raw SQL for the few statements written by hand (bulk inserts where the ORM's per-batch query planning costs
// more than the insert), in the spelling of the database's adapter.
import type { DatabaseDialect } from "./dialects/dialect";

/** `(?, ?, ?), (?, ?, ?)` or `($1, $2, $3), ($4, $5, $6)` for `rows` rows of `columns` values. */
export function valuesList(dialect: DatabaseDialect, rows: number, columns: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 1; c <= columns; c++) marks.push(dialect.placeholder(r * columns + c));
    out.push(`(${marks.join(", ")})`);
  }
  return out.join(", ");
}
