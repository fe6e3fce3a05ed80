// Account administration: creating an account with a password, audited in the same transaction. Only actors
// with users.manage may call it (or no actor: the seed and scripts).
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { ROLES } from "../auth/roles";
import { hashPassword } from "../auth/password";
import { normaliseEmail } from "../auth/authenticate";
import { recordAuditEvent } from "../audit/record-event";
import { newPasswordField } from "../accounts/password-rules";

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
