// Account administration: create, change roles, disable / enable. Each change writes its audit event in
// the same transaction. Only actors with users.manage may call these.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { ROLES, type Role } from "../auth/roles";
import { hashPassword } from "../auth/password";
import { normaliseEmail } from "../auth/authenticate";
import { recordAuditEvent } from "../audit/record-event";
import { newPasswordField } from "../accounts/password-rules";
import { revokeSessions } from "../accounts/sign-out-everywhere";

export const newUserSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
  password: newPasswordField,
  roles: z.array(z.enum(ROLES, "Unknown role.")).default([]),
});
export type NewUserInput = z.output<typeof newUserSchema>;

/**
 * Creates an account with a password (the seed, tests and scripts). Admins invite people instead
 * (lib/accounts/invitations.ts), so that nobody but the person knows their password.
 */
export async function createUser(db: Db, actor: Actor | null, data: NewUserInput) {
  if (actor) assertCan(actor, "users.manage", "manage users");
  const email = normaliseEmail(data.email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "An account with this e-mail already exists.", {
      fieldErrors: { email: ["An account with this e-mail already exists."] },
    });
  }
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        name: data.name,
        email,
        passwordHash,
        roles: { create: [...new Set(data.roles)].map((role) => ({ role })) },
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: "user.created",
      entityType: "User",
      entityId: user.id,
      data: { email, roles: data.roles },
    });
    return user;
  });
}

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
