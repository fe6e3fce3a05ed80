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
type Cache = { migration: string | null; at: number; reading?: Promise<string | null> };
const cache = globalThis as unknown as { __imprimaturRelease?: Cache };

/** Reads the newest applied migration and remembers it (one read at a time, however many callers). */
export function refreshReleaseStatus(db: DbTx, now = Date.now()): Promise<string | null> {
  const known = cache.__imprimaturRelease;
  if (known?.reading) return known.reading;
  const reading = latestAppliedMigration(db).then(
    (migration) => {
      cache.__imprimaturRelease = { migration, at: now };
      return migration;
    },
    () => {
      if (cache.__imprimaturRelease) delete cache.__imprimaturRelease.reading;
      return known?.migration ?? null;
    },
  );
  cache.__imprimaturRelease = { migration: known?.migration ?? null, at: known?.at ?? 0, reading };
  return reading;
}

export async function releaseStatus(db: DbTx, now = Date.now()): Promise<ReleaseStatus> {
  const known = cache.__imprimaturRelease;
  if (known && !known.reading && now - known.at < CACHE_MS) return { version: APP_VERSION, migration: known.migration };
  const reading = refreshReleaseStatus(db, now);
  // A slow database (or a cold process) must not hold up a liveness probe: answer with what is known, and let
  // the read finish for the next caller.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string | null>((resolve) => {
    timer = setTimeout(() => resolve(known?.migration ?? null), READ_TIMEOUT_MS);
  });
  const migration = await Promise.race([reading, late]);
  clearTimeout(timer);
  return { version: APP_VERSION, migration };
}

/** Forgets the cached migration (tests). */
export function forgetReleaseStatus(): void {
  delete cache.__imprimaturRelease;
}
