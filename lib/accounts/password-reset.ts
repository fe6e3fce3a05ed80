// Password reset by e-mail. Asking gives the same answer, after the same work, whether or not the address has
// an account, so the form cannot be used to find out who works here, by its answer or by its timing: the
// request only counts the attempt and queues a PasswordResetRequest row, for every address alike; the look-up,
// the link and the mail happen later in a worker (processPasswordResetRequests, run by
// lib/accounts/reset-request-worker.ts), after the answer has gone out. The link is valid for 30 minutes and
// once; setting the new password revokes every session and clears the sign-in lockout. Requests are
// throttled per address and per client so the form cannot be used to flood someone's inbox.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { accountKey, normaliseEmail } from "../auth/authenticate";
import { clearAttempts, countAttempt } from "../auth/attempt-counter";
import { recordAuditEvent } from "../audit/record-event";
import { queueMail, siteUrl } from "../notifications/queue-mail";
import { TOKEN_LIFETIME_MS, consumeAccountToken, issueAccountToken } from "./account-tokens";
import { revokeSessions } from "./sign-out-everywhere";
import { withConfirmation } from "./password-rules";

export const RESET_REQUESTS_PER_ADDRESS = 3;
export const RESET_REQUESTS_PER_CLIENT = 10;
const RESET_WINDOW_MS = 30 * 60 * 1000;

export const RESET_REQUESTED_MESSAGE =
  "If an account uses that address, we have sent it a link to choose a new password. The link works once, for 30 minutes.";

export const requestResetSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
});

export type RequestResetInput = z.output<typeof requestResetSchema>;

export async function requestPasswordReset(
  db: Db,
  { email }: RequestResetInput,
  options: { clientAddress?: string; now?: Date } = {},
): Promise<{ message: string }> {
  const now = options.now ?? new Date();
  const byClient = await countAttempt(
    db,
    `reset:client:${options.clientAddress ?? "unknown"}`,
    { limit: RESET_REQUESTS_PER_CLIENT, windowMs: RESET_WINDOW_MS },
    now,
  );
  if (!byClient.allowed)
    throw new AppError("RATE_LIMITED", "Too many reset requests from your network. Try again later.", {
      details: { retryAfterSeconds: byClient.retryAfterSeconds },
    });
  const byAddress = await countAttempt(
    db,
    `reset:account:${normaliseEmail(email)}`,
    { limit: RESET_REQUESTS_PER_ADDRESS, windowMs: RESET_WINDOW_MS },
    now,
  );
  // Past the per-address limit nothing more is sent, with the same answer (no hint that the address is known).
  if (!byAddress.allowed) return { message: RESET_REQUESTED_MESSAGE };

  await db.passwordResetRequest.create({
    data: { email: normaliseEmail(email), clientAddress: options.clientAddress ?? "unknown", requestedAt: now },
  });
  return { message: RESET_REQUESTED_MESSAGE };
}

/**
 * Mails a reset link for each queued request whose address belongs to an active account, and drops the rest.
 * Each request is taken by deleting its row inside the transaction that issues the link, so with several
 * processes each request is handled once. A request older than a link's lifetime is dropped: its mail would
 * arrive too late to be expected. Returns how many links were queued as mail.
 */
export async function processPasswordResetRequests(
  db: Db,
  options: { now?: Date; limit?: number } = {},
): Promise<{ processed: number; mailed: number }> {
  const now = options.now ?? new Date();
  const pending = await db.passwordResetRequest.findMany({
    orderBy: { requestedAt: "asc" },
    take: options.limit ?? 50,
  });
  let mailed = 0;
  for (const request of pending) {
    const sent = await db.$transaction(async (tx) => {
      const { count } = await tx.passwordResetRequest.deleteMany({ where: { id: request.id } });
      if (count === 0) return false; // another process took it
      if (now.getTime() - request.requestedAt.getTime() > TOKEN_LIFETIME_MS.RESET) return false;
      const user = await tx.user.findUnique({ where: { email: request.email }, select: { id: true, status: true } });
      if (!user || user.status !== "ACTIVE") return false;
      const { token } = await issueAccountToken(tx, user.id, "RESET", now);
      await queueMail(tx, {
        to: request.email,
        subject: "Choose a new password",
        text: [
          "Someone (hopefully you) asked to reset the password of your Imprimatur account.",
          "",
          `Choose a new password here (the link works once, for 30 minutes):`,
          siteUrl(`/reset-password?token=${token}`),
          "",
          "If you did not ask, ignore this message: your password stays as it is.",
        ].join("\n"),
      });
      await recordAuditEvent(tx, {
        actorId: null,
        action: "user.password_reset_requested",
        entityType: "User",
        entityId: user.id,
        data: { client: request.clientAddress },
      });
      return true;
    });
    if (sent) mailed += 1;
  }
  return { processed: pending.length, mailed };
}

export const resetPasswordSchema = withConfirmation({ token: z.string().min(1).max(200) });
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

/** Sets a new password from a reset link; returns the account's e-mail (to prefill the sign-in form). */
export async function resetPassword(
  db: Db,
  data: ResetPasswordInput,
  now: Date = new Date(),
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const userId = await consumeAccountToken(tx, data.token, "RESET", now);
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash },
      select: { email: true },
    });
    await revokeSessions(tx, userId);
    await clearAttempts(tx, accountKey(user.email));
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "user.password_reset",
      entityType: "User",
      entityId: userId,
    });
    return { email: user.email };
  });
}
