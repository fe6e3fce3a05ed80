// "Contains, ignoring case" for the studio's filter boxes. SQLite's LIKE (Prisma's `contains` there) already
// ignores ASCII case; PostgreSQL's does not, and Prisma spells the difference as `mode: "insensitive"`, which
// only the PostgreSQL client's types know.
import type { DbTx } from "./client";
import { dialectOf } from "./dialect";

export function containsIgnoringCase(db: DbTx, text: string): { contains: string } {
  if (dialectOf(db) !== "postgresql") return { contains: text };
  const filter: { contains: string; mode: "insensitive" } = { contains: text, mode: "insensitive" };
  return filter;
}
