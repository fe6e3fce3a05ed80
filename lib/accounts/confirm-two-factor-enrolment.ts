// Enrolment, step two: a current code proves the app has the secret; the second factor is enabled and ten
// recovery codes, shown once, replace any earlier ones. Audited in the same transaction.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { matchTotp } from "../auth/totp";
import { replaceRecoveryCodes } from "../auth/recovery-codes";
import { recordAuditEvent } from "../audit/record-event";

export const confirmEnrolmentSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, "Enter the 6-digit code your authenticator app shows."),
});

export type ConfirmEnrolmentInput = z.output<typeof confirmEnrolmentSchema>;

/** Enables the second factor once a current code proves the app has the secret; returns the recovery codes. */
export async function confirmTwoFactorEnrolment(
  db: Db,
  actor: Actor,
  { code }: ConfirmEnrolmentInput,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  assertCan(actor, "account.self", "set up two-step sign-in");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already set up for your account.");
  if (!user.totpSecret) throw new AppError("CONFLICT", "Start the set-up again: reload this page.");
  const step = await matchTotp(user.totpSecret, code, { now });
  if (step === null)
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      fieldErrors: {
        code: ["That code does not match. Check that your phone's clock is right and enter the current code."],
      },
    });
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, totpSecret: user.totpSecret, totpEnabledAt: null },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Two-step sign-in was set up meanwhile (another tab?).");
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.two_factor_enabled",
      entityType: "User",
      entityId: actor.id,
    });
    return { recoveryCodes };
  });
}
