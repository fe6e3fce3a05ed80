// Sign-in: password, then (for people who enrolled one) a second factor, with throttling per account and per
// client address. Unknown e-mail and wrong password give the same answer (and cost the same argon2 time), so
// the form never tells an attacker which accounts exist. Every attempt is counted BEFORE the password is
// checked (lib/auth/attempt-counter.ts), so parallel guesses cannot slip past the limit. Successes, failures
// and lockouts are audit events.
import { AppError } from "../errors";
import type { Db, DbTx } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";
import { dummyPasswordHash, verifyPassword } from "./password";
import { clearAttempts, countAttempt, refundAttempt, type AttemptRule } from "./attempt-counter";
import { matchTotp } from "./totp";
import { consumeRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { startUserSession } from "./user-sessions";

/** Attempts per account (e-mail) in 15 minutes; the 6th is refused whatever the password. */
export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts per client address in 15 minutes, across accounts (password spraying). */
export const CLIENT_MAX_FAILURES = 30;
export const ACCOUNT_RULE: AttemptRule = { limit: LOCKOUT_MAX_FAILURES, windowMs: LOCKOUT_WINDOW_MS };
export const CLIENT_RULE: AttemptRule = { limit: CLIENT_MAX_FAILURES, windowMs: LOCKOUT_WINDOW_MS };

export const INVALID_CREDENTIALS_MESSAGE = "That e-mail and password do not match an active account.";
export const INVALID_CODE_MESSAGE =
  "That code is not valid. Enter the current 6-digit code from your authenticator app, or one of your recovery codes.";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  /** The session this sign-in opened (lib/auth/user-sessions.ts). */
  sessionId: string;
}

export interface SignInAttempt {
  email: string;
  password: string;
  /** A 6-digit TOTP code or a recovery code; required when the account has a second factor. */
  code?: string;
  /** Who is asking (lib/auth/client-address.ts); attempts are throttled per address as well. */
  clientAddress?: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const accountKey = (email: string) => `signin:account:${normaliseEmail(email)}`;
export const clientKey = (address: string) => `signin:client:${address}`;

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/**
 * Returns the user for a correct e-mail, password and (if enrolled) second-factor code. Throws RATE_LIMITED
 * past CLIENT_MAX_FAILURES attempts from one address, ACCOUNT_LOCKED past LOCKOUT_MAX_FAILURES attempts on one
 * e-mail within the window (until it closes), TWO_FACTOR_REQUIRED when the password is right and a code is
 * still needed, and UNAUTHENTICATED with one generic message for every other failure.
 */
export async function authenticate(db: Db, attempt: SignInAttempt, now = new Date()): Promise<AuthenticatedUser> {
  const email = normaliseEmail(attempt.email).slice(0, 320);
  const client = attempt.clientAddress ?? "unknown";

  const byClient = await countAttempt(db, clientKey(client), CLIENT_RULE, now);
  if (!byClient.allowed) {
    if (byClient.count === CLIENT_RULE.limit + 1)
      await audit(db, null, "auth.client_throttled", "Client", client, { email });
    throw new AppError(
      "RATE_LIMITED",
      `Too many sign-in attempts from your network. Try again in ${minutes(byClient.retryAfterSeconds)}.`,
      { details: { retryAfterSeconds: byClient.retryAfterSeconds } },
    );
  }
  const byAccount = await countAttempt(db, accountKey(email), ACCOUNT_RULE, now);
  if (!byAccount.allowed) {
    if (byAccount.count === ACCOUNT_RULE.limit + 1) {
      const known = await db.user.findUnique({ where: { email }, select: { id: true } });
      await audit(db, null, "auth.locked_out", "User", known?.id ?? email, { email, client });
    }
    throw new AppError(
      "ACCOUNT_LOCKED",
      `Too many failed sign-in attempts for this account. Try again in ${minutes(byAccount.retryAfterSeconds)}.`,
      { details: { retryAfterSeconds: byAccount.retryAfterSeconds } },
    );
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      status: true,
      sessionVersion: true,
      totpSecret: true,
      totpEnabledAt: true,
      totpLastStep: true,
    },
  });
  const passwordOk = await verifyPassword(user?.passwordHash || (await dummyPasswordHash()), attempt.password);
  if (!user || !user.passwordHash || !passwordOk || user.status !== "ACTIVE") {
    await audit(db, null, "auth.signin_failed", "User", user?.id ?? email, { email, client, reason: "password" });
    throw new AppError("UNAUTHENTICATED", INVALID_CREDENTIALS_MESSAGE);
  }

  let method: "password" | "totp" | "recovery_code" = "password";
  let totpStep: number | null = null;
  const needsCode = !!(user.totpEnabledAt && user.totpSecret);
  const code = attempt.code?.trim() ?? "";
  if (needsCode) {
    // The password was right: the attempt stays counted until the whole sign-in succeeds.
    if (!code) {
      // Not a guess from this client (the password was right): its allowance is given back.
      await refundAttempt(db, clientKey(client));
      throw new AppError("TWO_FACTOR_REQUIRED", "Enter the code from your authenticator app.");
    }
    method = /^\d[\d\s]*$/.test(code) ? "totp" : "recovery_code";
    if (method === "totp") totpStep = await matchTotp(user.totpSecret!, code, { afterStep: user.totpLastStep, now });
  }

  // The code is used up, the counters settle, the session opens and the event is written together.
  const sessionId = await db.$transaction(async (tx) => {
    if (method === "totp" && (totpStep === null || !(await claimTotpStep(tx, user.id, totpStep)))) return null;
    if (
      method === "recovery_code" &&
      !(looksLikeRecoveryCode(code) && (await consumeRecoveryCode(tx, user.id, code, now)))
    )
      return null;
    // A successful sign-in clears the account's count (a later typo starts from zero) and gives the client's back.
    await clearAttempts(tx, accountKey(email));
    await refundAttempt(tx, clientKey(client));
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "auth.signed_in",
      entityType: "User",
      entityId: user.id,
      data: { client, method },
    });
    return startUserSession(tx, user.id, now);
  });
  if (!sessionId) {
    await audit(db, null, "auth.two_factor_failed", "User", user.id, { client, method });
    throw new AppError("UNAUTHENTICATED", INVALID_CODE_MESSAGE);
  }
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, sessionId };
}

/** Records a TOTP step as used; false when it (or a later one) already was, so a replay or a race loses. */
async function claimTotpStep(tx: DbTx, userId: string, step: number): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

async function audit(
  db: Db,
  actorId: string | null,
  action: string,
  entityType: string,
  entityId: string,
  data: Record<string, unknown>,
) {
  await db.$transaction((tx) => recordAuditEvent(tx, { actorId, action, entityType, entityId, data }));
}
