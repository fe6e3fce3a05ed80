// Which database a client (or an interactive transaction) talks to. The few places that need SQL the two
// databases spell differently ask here, inside one small module per concern (write-lock.ts, raw-sql.ts,
// lib/audit/highest-event-id.ts …), never with `if`s spread through domain code.
import type { DbTx } from "./client";

export type Dialect = "sqlite" | "postgresql";

export function dialectOf(db: DbTx): Dialect {
  // Prisma's generated client records its schema's provider; transaction clients forward it.
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}
