// An admin removes someone's second factor (a lost phone and no recovery code). Audited.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { revokeSessions } from "./sign-out-everywhere";
import { clearTwoFactor } from "./clear-two-factor";

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
