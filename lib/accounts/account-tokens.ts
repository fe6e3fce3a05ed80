// Single-use links sent by e-mail (password reset, invitation). The link carries 32 random bytes; only their
// SHA-256 is stored, so whoever reads the database cannot use a pending link. Issuing a token voids the
// person's older unused tokens of the same kind; using one is a conditional update (usedAt still null and not
// expired), so two parallel uses of one link cannot both succeed.
import { createHash, randomBytes } from "node:crypto";
import type { DbTx } from "../db/client";
import { AppError } from "../errors";

export type AccountTokenKind = "RESET" | "INVITE";

export const TOKEN_LIFETIME_MS: Record<AccountTokenKind, number> = {
  RESET: 30 * 60 * 1000,
  INVITE: 7 * 24 * 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for `userId` and returns the plain value (only ever put into the link). */
export async function issueAccountToken(
  tx: DbTx,
  userId: string,
  kind: AccountTokenKind,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[kind]);
  await tx.accountToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: now } });
  await tx.accountToken.create({ data: { userId, kind, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

const INVALID_LINK: Record<AccountTokenKind, string> = {
  RESET: "This password reset link has expired or was already used. Ask for a new one.",
  INVITE: "This invitation link has expired or was already used. Ask an administrator to send a new one.",
};

/** Whether a link is still usable (for showing the form), without using it up. */
export async function peekAccountToken(tx: DbTx, token: string, kind: AccountTokenKind, now: Date = new Date()) {
  if (!token) return null;
  return tx.accountToken.findFirst({
    where: { tokenHash: hashToken(token), kind, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, userId: true, expiresAt: true, user: { select: { email: true, name: true, status: true } } },
  });
}

/** Uses a token up and returns its user id; throws a clear error for an unknown, used or expired link. */
export async function consumeAccountToken(
  tx: DbTx,
  token: string,
  kind: AccountTokenKind,
  now: Date = new Date(),
): Promise<string> {
  const row = await peekAccountToken(tx, token, kind, now);
  if (row) {
    const { count } = await tx.accountToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 1 && row.user.status === "ACTIVE") return row.userId;
  }
  throw new AppError("BAD_REQUEST", INVALID_LINK[kind], { details: { reason: "invalid_token" } });
}
