// Recovery codes for a lost authenticator: ten random codes shown once, stored as SHA-256 hashes (each has 50
// random bits, so a fast hash is enough), each accepted once.
import { createHash, randomBytes } from "node:crypto";
import type { DbTx } from "../db/client";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud and typed without confusion

/** "abcde-fghjk": 10 characters from a 31-letter alphabet (≈ 49.5 bits). */
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let out = "";
  for (let i = 0; i < 10; i++) {
    if (i === 5) out += "-";
    out += ALPHABET[bytes[i] % ALPHABET.length];
  }
  return out;
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`recovery:${normaliseRecoveryCode(code)}`)
    .digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 10;
}

/** Replaces a user's recovery codes with new ones; returns the plain codes (to show once). */
export async function replaceRecoveryCodes(tx: DbTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Uses one recovery code: true once per code (the conditional update makes parallel uses of one code lose). */
export async function consumeRecoveryCode(tx: DbTx, userId: string, code: string, now = new Date()): Promise<boolean> {
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export async function remainingRecoveryCodes(tx: DbTx, userId: string): Promise<number> {
  return tx.recoveryCode.count({ where: { userId, usedAt: null } });
}
