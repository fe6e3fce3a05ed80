// A signed-in person changes their own password: the current one is required, the new one is stored as
// argon2id, and every session (this one too) is revoked, so a stolen session or an old password stops working.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { hashPassword, verifyPassword } from "../auth/password";
import { recordAuditEvent } from "../audit/record-event";
import { withConfirmation } from "./password-rules";
import { revokeSessions } from "./sign-out-everywhere";

export const changePasswordSchema = withConfirmation({
  currentPassword: z.string().min(1, "Enter your current password."),
});

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export async function changePassword(db: Db, actor: Actor, data: ChangePasswordInput) {
  assertCan(actor, "account.self", "change this password");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword)))
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
  if (data.password === data.currentPassword)
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      fieldErrors: { password: ["Choose a password different from the current one."] },
    });
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash },
    });
    await revokeSessions(tx, actor.id);
    // A pending reset link would otherwise still let someone set another password.
    await tx.accountToken.updateMany({ where: { userId: actor.id, usedAt: null }, data: { usedAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.password_changed",
      entityType: "User",
      entityId: actor.id,
    });
  });
}
