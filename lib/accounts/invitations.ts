// New staff are invited: an admin names the person and their roles, and the person chooses their own password
// through a link sent by e-mail (valid 7 days, once). Until then the account has no password and cannot sign
// in. The first admin of a real site is invited from the command line (scripts/invite-admin.ts), which prints
// the link instead of mailing it.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { ROLES, ROLE_LABELS } from "../auth/roles";
import { hashPassword } from "../auth/password";
import { normaliseEmail } from "../auth/authenticate";
import { recordAuditEvent } from "../audit/record-event";
import { queueMail, siteUrl } from "../notifications/queue-mail";
import { parseInput } from "../validation";
import { consumeAccountToken, issueAccountToken, TOKEN_LIFETIME_MS } from "./account-tokens";
import { withConfirmation } from "./password-rules";

export const inviteSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
  roles: z.array(z.enum(ROLES, "Unknown role.")).default([]),
});
export type InviteInput = z.output<typeof inviteSchema>;

const INVITE_DAYS = TOKEN_LIFETIME_MS.INVITE / (24 * 60 * 60 * 1000);

function invitationText(name: string, roles: string[], link: string) {
  const roleNames = roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join(", ") || "no role yet";
  return [
    `Hello ${name},`,
    "",
    `You have been invited to the Imprimatur studio (${roleNames}).`,
    `Choose your password here (the link works once, for ${INVITE_DAYS} days):`,
    link,
  ].join("\n");
}

/**
 * Creates the account without a password and mails the invitation. `actor` is null only for the command line
 * (inviteAdmin below), which runs on the server itself before any admin exists.
 */
export async function inviteUser(db: Db, actor: Actor | null, data: InviteInput) {
  if (actor) assertCan(actor, "users.manage", "invite people");
  const email = normaliseEmail(data.email);
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError("CONFLICT", "An account with this e-mail already exists.", {
      fieldErrors: { email: ["An account with this e-mail already exists."] },
    });
  const roles = [...new Set(data.roles)];
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: data.name, email, passwordHash: "", roles: { create: roles.map((role) => ({ role })) } },
    });
    const { token, expiresAt } = await issueAccountToken(tx, user.id, "INVITE");
    const link = siteUrl(`/invite?token=${token}`);
    await queueMail(tx, {
      to: email,
      subject: "You are invited to Imprimatur",
      text: invitationText(data.name, roles, link),
    });
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: "user.invited",
      entityType: "User",
      entityId: user.id,
      data: { email, roles, expiresAt: expiresAt.toISOString(), ...(actor ? {} : { via: "command line" }) },
    });
    return { user, link };
  });
}

export const resendSchema = z.object({ userId: z.string().min(1) });
export type ResendInvitationInput = z.output<typeof resendSchema>;

/** A new link for someone who has not set a password yet (the old link stops working). */
export async function resendInvitation(db: Db, actor: Actor | null, { userId }: ResendInvitationInput) {
  if (actor) assertCan(actor, "users.manage", "invite people");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, passwordHash: true, roles: { select: { role: true } } },
    });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (user.passwordHash) throw new AppError("CONFLICT", `${user.name} has already chosen a password.`);
    const { token, expiresAt } = await issueAccountToken(tx, user.id, "INVITE");
    const link = siteUrl(`/invite?token=${token}`);
    const roles = user.roles.map((r) => r.role);
    await queueMail(tx, {
      to: user.email,
      subject: "You are invited to Imprimatur",
      text: invitationText(user.name, roles, link),
    });
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: "user.invitation_resent",
      entityType: "User",
      entityId: user.id,
      data: { expiresAt: expiresAt.toISOString(), ...(actor ? {} : { via: "command line" }) },
    });
    return { link };
  });
}

export const acceptInvitationSchema = withConfirmation({ token: z.string().min(1).max(200) });
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

/** The invited person chooses their password; returns their e-mail (to prefill the sign-in form). */
export async function acceptInvitation(db: Db, data: AcceptInvitationInput, now = new Date()) {
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const userId = await consumeAccountToken(tx, data.token, "INVITE", now);
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true } });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "user.invitation_accepted",
      entityType: "User",
      entityId: userId,
    });
    return { email: user.email };
  });
}

/**
 * For the command line: invites `email` as an admin (creating the account, or sending a new link if that admin
 * has not chosen a password yet) and returns the link to print.
 */
export async function inviteAdmin(
  db: Db,
  input: { email: string; name?: string },
): Promise<{ link: string; created: boolean }> {
  const email = normaliseEmail(input.email);
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, roles: { select: { role: true } } },
  });
  if (!existing) {
    const invitation = parseInput(inviteSchema, {
      email,
      name: input.name?.trim() || email.split("@")[0],
      roles: ["ADMIN"],
    });
    const { link } = await inviteUser(db, null, invitation);
    return { link, created: true };
  }
  if (existing.passwordHash)
    throw new AppError("CONFLICT", `${email} already has a password. Use "Forgot your password?" on the sign-in page.`);
  if (!existing.roles.some((r) => r.role === "ADMIN"))
    throw new AppError(
      "CONFLICT",
      `${email} is invited without the admin role; an admin can change roles in the studio.`,
    );
  const { link } = await resendInvitation(db, null, { userId: existing.id });
  return { link, created: false };
}
