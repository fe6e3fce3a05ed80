// Account administration: disabling or enabling an account, audited in the same transaction (users.manage).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { revokeSessions } from "../accounts/sign-out-everywhere";

export const setStatusSchema = z.object({ userId: z.string().min(1), status: z.enum(["ACTIVE", "DISABLED"]) });

export type SetStatusInput = z.output<typeof setStatusSchema>;

export async function setUserStatus(db: Db, actor: Actor, { userId, status }: SetStatusInput) {
  assertCan(actor, "users.manage", "manage users");
  if (userId === actor.id && status === "DISABLED")
    throw new AppError("CONFLICT", "You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true } });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (user.status === status) return;
    await tx.user.update({ where: { id: userId }, data: { status } });
    // Disabling ends every session at once (the per-request status check refuses them too; this keeps
    // them ended if the account is enabled again).
    if (status === "DISABLED") await revokeSessions(tx, userId);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: status === "DISABLED" ? "user.disabled" : "user.enabled",
      entityType: "User",
      entityId: userId,
    });
  });
}
