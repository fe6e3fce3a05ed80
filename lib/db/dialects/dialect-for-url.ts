// Which adapter serves a DATABASE_URL: `postgres://…` or `postgresql://…` is PostgreSQL, anything else (a
// `file:` URL) SQLite. createDb asks this once per client; scripts and server.ts ask it for a URL they have no
// client for (migrating, the page cache's change reader).
import type { DatabaseDialect } from "./dialect";
import { postgresDialect } from "./postgres";
import { sqliteDialect } from "./sqlite";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function dialectForUrl(url: string): DatabaseDialect {
  return isPostgresUrl(url) ? postgresDialect : sqliteDialect;
}
