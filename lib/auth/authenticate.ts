// Password sign-in with per-account lockout. Unknown e-mail and wrong password give the same answer (and
// cost the same argon2 time), so the form never tells an attacker which accounts exist.
import { AppError } from "../errors";
import type { Db } from "../db/client";
import { dummyPasswordHash, verifyPassword } from "./password";

export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const INVALID_CREDENTIALS_MESSAGE = "That e-mail and password do not match an active account.";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Returns the user for a correct e-mail and password. Throws ACCOUNT_LOCKED after LOCKOUT_MAX_FAILURES failed
 * attempts on one e-mail within LOCKOUT_WINDOW_MS (until the oldest of them leaves the window), and
 * UNAUTHENTICATED with one generic message for every other failure.
 */
export async function authenticate(
  db: Db,
  rawEmail: string,
  password: string,
  now = new Date(),
): Promise<AuthenticatedUser> {
  const email = normaliseEmail(rawEmail);
  const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const recentFailures = await db.loginFailure.findMany({
    where: { email, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (recentFailures.length >= LOCKOUT_MAX_FAILURES) {
    const unlocksAt =
      recentFailures[recentFailures.length - LOCKOUT_MAX_FAILURES].createdAt.getTime() + LOCKOUT_WINDOW_MS;
    const minutes = Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 60_000));
    throw new AppError(
      "ACCOUNT_LOCKED",
      `Too many failed sign-in attempts for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      {
        details: { retryAfterSeconds: Math.ceil((unlocksAt - now.getTime()) / 1000) },
      },
    );
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, status: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !passwordOk || user.status !== "ACTIVE") {
    await db.loginFailure.create({ data: { email, createdAt: now } });
    throw new AppError("UNAUTHENTICATED", INVALID_CREDENTIALS_MESSAGE);
  }
  // A successful sign-in clears the count, so a later typo starts from zero.
  await db.loginFailure.deleteMany({ where: { email } });
  return { id: user.id, email: user.email, name: user.name };
}
