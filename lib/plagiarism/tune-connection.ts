// SQLite connection settings for the fingerprint index. The defaults (2 MB page cache, no memory mapping)
// are sized for small tables; the index of a 10,000-document corpus is ~70 MB of B-tree, and both a bulk
// import (inserts land all over the key space) and a check (hundreds of key lookups) slow down once most
// pages must be fetched through read() again. A 64 MB cache and memory-mapped reads keep them flat.
// Page-cache and mmap settings are per connection and change nothing on disk, so setting them from here
// is safe for every other user of the connection. Applied once per client object.
// PostgreSQL sizes its cache server-wide (shared_buffers): nothing to do per connection there.
import type { DbTx } from "../db/client";
import { dialectOf } from "../db/dialect";

const tuned = new WeakSet<object>();

export async function tuneForIndex(db: DbTx): Promise<void> {
  if (tuned.has(db) || dialectOf(db) === "postgresql") return;
  tuned.add(db);
  try {
    await db.$queryRawUnsafe("PRAGMA cache_size = -65536");
    await db.$queryRawUnsafe("PRAGMA mmap_size = 268435456");
  } catch {
    // Not fatal: only slower. (Some adapters refuse PRAGMA inside a transaction.)
  }
}
