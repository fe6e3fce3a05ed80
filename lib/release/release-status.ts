// Which release is running on which schema, for /healthz and the studio footer: the version (package.json)
// and the newest migration applied to the database. The database read is cached for a minute and bounded
// in time, so a liveness probe never waits on (or fails because of) the database: it then reports the last
// migration it knew, or null.
import type { DbTx } from "../db/client";
import { latestAppliedMigration } from "./applied-migrations";
import { APP_VERSION } from "./version";

export interface ReleaseStatus {
  version: string;
  /** Newest applied migration, e.g. "20261130161151_citation_style_and_audience"; null when unknown. */
  migration: string | null;
}

const CACHE_MS = 60_000;
const READ_TIMEOUT_MS = 500;
const cache = globalThis as unknown as { __imprimaturRelease?: { migration: string | null; at: number } };

export async function releaseStatus(db: DbTx, now = Date.now()): Promise<ReleaseStatus> {
  const known = cache.__imprimaturRelease;
  if (known && now - known.at < CACHE_MS) return { version: APP_VERSION, migration: known.migration };
  const read = latestAppliedMigration(db).then(
    (migration) => (cache.__imprimaturRelease = { migration, at: now }).migration,
    () => known?.migration ?? null,
  );
  const late = new Promise<string | null>((resolve) =>
    setTimeout(() => resolve(known?.migration ?? null), READ_TIMEOUT_MS).unref(),
  );
  return { version: APP_VERSION, migration: await Promise.race([read, late]) };
}

/** Forgets the cached migration (after db:deploy ran in this process, and in tests). */
export function forgetReleaseStatus(): void {
  delete cache.__imprimaturRelease;
}
