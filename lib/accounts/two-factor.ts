// Enrolling, using and removing the TOTP second factor and its recovery codes. Enrolment is two steps: a secret
// is stored (not yet enabled) and shown as a QR code; it is enabled only when the person proves their app has
// it by entering a current code, and then gets ten recovery codes, shown once. Every change is audited.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { verifyPassword } from "../auth/password";
import { matchTotp, newTotpSecret, totpQrDataUrl, totpUri } from "../auth/totp";
import { remainingRecoveryCodes, replaceRecoveryCodes } from "../auth/recovery-codes";
import { requiresTwoFactor, twoFactorRolesSetting } from "../auth/two-factor-policy";
import { recordAuditEvent } from "../audit/record-event";
import { revokeSessions } from "./sign-out-everywhere";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  remainingRecoveryCodes: number;
  /** Whether the site's policy requires a second factor for this person's roles. */
  required: boolean;
}

export async function twoFactorStatus(db: DbTx, userId: string): Promise<TwoFactorStatus> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, roles: { select: { role: true } } },
  });
  const required = requiresTwoFactor(
    user.roles.map((r) => r.role),
    await twoFactorRolesSetting(db),
  );
  return {
    enabled: !!user.totpEnabledAt,
    enabledAt: user.totpEnabledAt,
    remainingRecoveryCodes: user.totpEnabledAt ? await remainingRecoveryCodes(db, userId) : 0,
    required,
  };
}

/** The pending secret to show (created on first call, kept until enrolment is confirmed). */
export async function startTwoFactorEnrolment(db: Db, actor: Actor) {
  assertCan(actor, "account.self", "set up two-step sign-in");
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already set up for your account.");
  let secret = user.totpSecret;
  if (!secret) {
    secret = newTotpSecret();
    // Conditional: two tabs opening the page at once end up showing the same secret.
    await db.user.updateMany({ where: { id: actor.id, totpSecret: null }, data: { totpSecret: secret } });
    secret = (await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true } })).totpSecret!;
  }
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
}

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

export const passwordConfirmationSchema = z.object({
  password: z.string().min(1, "Enter your password to confirm."),
});

export type PasswordConfirmationInput = z.output<typeof passwordConfirmationSchema>;

async function assertPassword(db: DbTx, userId: string, password: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      fieldErrors: { password: ["That is not your password."] },
    });
}

/** New recovery codes (the old ones stop working); the password is asked again. */
export async function regenerateRecoveryCodes(
  db: Db,
  actor: Actor,
  { password }: PasswordConfirmationInput,
): Promise<{ recoveryCodes: string[] }> {
  assertCan(actor, "account.self", "manage two-step sign-in");
  await assertPassword(db, actor.id, password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new AppError("CONFLICT", "Set up two-step sign-in first.");
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.recovery_codes_regenerated",
      entityType: "User",
      entityId: actor.id,
    });
    return { recoveryCodes };
  });
}

/** Turns the second factor off (not allowed when the site's policy requires it for this person's roles). */
export async function disableTwoFactor(db: Db, actor: Actor, { password }: PasswordConfirmationInput) {
  assertCan(actor, "account.self", "manage two-step sign-in");
  if ((await twoFactorStatus(db, actor.id)).required)
    throw new AppError("FORBIDDEN", "The site's policy requires two-step sign-in for your role, so it stays on.");
  await assertPassword(db, actor.id, password);
  await db.$transaction(async (tx) => {
    await clearTwoFactor(tx, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.two_factor_disabled",
      entityType: "User",
      entityId: actor.id,
    });
  });
}

export const adminResetSchema = z.object({ userId: z.string().min(1) });
export type AdminResetInput = z.output<typeof adminResetSchema>;

/**
 * An admin removes someone's second factor (a lost phone and no recovery code): their sessions end and, if the
 * policy requires it, they enrol again at their next sign-in.
 */
export async function resetTwoFactorByAdmin(db: Db, actor: Actor, { userId }: AdminResetInput) {
  assertCan(actor, "users.manage", "reset someone's two-step sign-in");
  if (userId === actor.id)
    throw new AppError("CONFLICT", "Manage your own two-step sign-in from your account page, or ask another admin.");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (!user.totpEnabledAt) throw new AppError("CONFLICT", "This person has no two-step sign-in to reset.");
    await clearTwoFactor(tx, userId);
    await revokeSessions(tx, userId);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.two_factor_reset",
      entityType: "User",
      entityId: userId,
    });
  });
}

async function clearTwoFactor(tx: DbTx, userId: string) {
  await tx.user.update({
    where: { id: userId },
    data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}
