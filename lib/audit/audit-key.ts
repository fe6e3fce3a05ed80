// The key of the audit chain. Each event's hash is an HMAC under AUDIT_HMAC_KEY, a secret kept outside the
// database (generated into .env on first start by scripts/ensure-env.sh). Whoever can write the database file
// but does not hold the key cannot rebuild a chain that `audit:verify` accepts.
import { createHmac } from "node:crypto";

const MIN_KEY_LENGTH = 32;

/** The configured key, or null when none is set (an unkeyed chain, as before keys existed). */
export function auditKey(env: NodeJS.ProcessEnv = process.env): Buffer | null {
  const value = env.AUDIT_HMAC_KEY?.trim();
  if (!value) return null;
  if (value.length < MIN_KEY_LENGTH)
    throw new Error(`AUDIT_HMAC_KEY must be at least ${MIN_KEY_LENGTH} characters (scripts/ensure-env.sh makes one).`);
  return Buffer.from(value, "utf8");
}

/** A short public fingerprint of the key, stored in the chain so a wrong key is told apart from tampering. */
export function auditKeyId(key: Buffer): string {
  return createHmac("sha256", key).update("imprimatur-audit-key-id").digest("hex").slice(0, 16);
}
