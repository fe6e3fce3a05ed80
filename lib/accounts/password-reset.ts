// Password reset by e-mail. Asking gives the same answer whether or not the address has an account (and does
// the same work up to the mail), so the form cannot be used to find out who works here. The link is valid for
// 30 minutes and once; setting the new password revokes every session and clears the sign-in lockout.
// Requests are throttled per address and per client so the form cannot be used to flood someone's inbox.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { accountKey, normaliseEmail } from "../auth/authenticate";
import { clearAttempts, countAttempt } from "../auth/attempt-counter";
import { recordAuditEvent } from "../audit/record-event";
import { queueMail, siteUrl } from "../notifications/queue-mail";
import { consumeAccountToken, issueAccountToken } from "./account-tokens";
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

  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, status: true },
  });
  if (user && user.status === "ACTIVE") {
    await db.$transaction(async (tx) => {
      const { token } = await issueAccountToken(tx, user.id, "RESET", now);
      await queueMail(tx, {
        to: normaliseEmail(email),
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
        data: { client: options.clientAddress ?? "unknown" },
      });
    });
  }
  return { message: RESET_REQUESTED_MESSAGE };
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
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true },
    });
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
