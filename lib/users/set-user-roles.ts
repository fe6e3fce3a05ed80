// Account administration: a user's roles replaced, the change audited in the same transaction (users.manage).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { ROLES, type Role } from "../auth/roles";
import { recordAuditEvent } from "../audit/record-event";

export const setRolesSchema = z.object({ userId: z.string().min(1), roles: z.array(z.enum(ROLES, "Unknown role.")) });

/** Replaces a user's roles. An admin cannot remove their own admin role (so the site keeps an administrator). */
export type SetRolesInput = z.output<typeof setRolesSchema>;

export async function setUserRoles(db: Db, actor: Actor, { userId, roles }: SetRolesInput) {
  assertCan(actor, "users.manage", "manage users");
  const wanted = new Set<Role>(roles);
  if (userId === actor.id && !wanted.has("ADMIN")) {
    throw new AppError("CONFLICT", "You cannot remove your own admin role. Ask another admin to do it.");
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, roles: { select: { role: true } } },
    });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    const current = new Set(user.roles.map((r) => r.role));
    const granted = [...wanted].filter((r) => !current.has(r));
    const removed = [...current].filter((r) => !wanted.has(r as Role));
    if (!granted.length && !removed.length) return { granted, removed };
    await tx.userRole.deleteMany({ where: { userId, role: { in: removed } } });
    if (granted.length) await tx.userRole.createMany({ data: granted.map((role) => ({ userId, role })) });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.roles_changed",
      entityType: "User",
      entityId: userId,
      data: { granted, removed },
    });
    return { granted, removed };
  });
}
