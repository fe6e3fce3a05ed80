// Identifies a reader's client for rate limiting without storing their address: an HMAC of the client address
// under a salt that changes every UTC day. The salt is derived from a random secret kept in the Setting table
// (created on first use), so hashes from different days cannot be linked, and without the secret a hash cannot
// be reversed by trying every IPv4 address. Nothing but the hash is ever stored. The User-Agent is deliberately
// not part of it: a client that changes it must not get a fresh allowance.
import { createHmac, randomBytes } from "node:crypto";
import type { DbTx } from "../db/client";

export const CLIENT_HASH_SECRET_KEY = "feedback.clientHashSecret";

/** The salt for one UTC day: HMAC(secret, day). Rotates at midnight UTC. */
export function dailySalt(secret: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return createHmac("sha256", secret).update(`feedback-client-salt:${day}`).digest("hex");
}

let saltCache: { secret: string; day: string; salt: string } | null = null;

/** The stored client identifier: 32 hex characters, different every day for the same client. */
export function hashClient(secret: string, address: string, now: Date = new Date()): string {
  // The day's salt is computed once per day, not once per answer.
  const day = now.toISOString().slice(0, 10);
  if (!saltCache || saltCache.secret !== secret || saltCache.day !== day)
    saltCache = { secret, day, salt: dailySalt(secret, now) };
  return createHmac("sha256", saltCache.salt).update(address).digest("hex").slice(0, 32);
}

let cachedSecret: { db: unknown; secret: string } | null = null;

/** Reads the secret, creating it once (concurrent first calls agree: the first write wins, all read it back). */
export async function getClientHashSecret(db: DbTx): Promise<string> {
  if (cachedSecret && cachedSecret.db === db) return cachedSecret.secret;
  let row = await db.setting.findUnique({ where: { key: CLIENT_HASH_SECRET_KEY } });
  if (!row) {
    await db.setting
      .createMany({ data: [{ key: CLIENT_HASH_SECRET_KEY, value: randomBytes(32).toString("hex") }] })
      .catch(() => undefined);
    row = await db.setting.findUniqueOrThrow({ where: { key: CLIENT_HASH_SECRET_KEY } });
  }
  cachedSecret = { db, secret: row.value };
  return row.value;
}
