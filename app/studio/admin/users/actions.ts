"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { setRolesSchema, setUserRoles } from "@/lib/users/set-user-roles";
import { setStatusSchema, setUserStatus } from "@/lib/users/set-user-status";
import { action } from "@/app/_server/action";
import { inviteSchema, inviteUser, resendInvitation, resendSchema } from "@/lib/accounts/invitations";
import { adminResetSchema, resetTwoFactorByAdmin } from "@/lib/accounts/reset-two-factor-by-admin";

const rolesFromForm = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  setRolesSchema.shape.roles,
);

export const inviteUserAction = action(
  { name: "inviteUser", permission: "users.manage", schema: inviteSchema.extend({ roles: rolesFromForm }) },
  async (input, actor) => {
    const { user } = await inviteUser(db, actor, input);
    revalidatePath("/studio/admin/users");
    return { id: user.id, email: user.email };
  },
);

export const resendInvitationAction = action(
  { name: "resendInvitation", permission: "users.manage", schema: resendSchema },
  async (input, actor) => {
    await resendInvitation(db, actor, input);
    return { sent: true };
  },
);

export const resetTwoFactorAction = action(
  { name: "resetTwoFactor", permission: "users.manage", schema: adminResetSchema },
  async (input, actor) => {
    await resetTwoFactorByAdmin(db, actor, input);
    revalidatePath("/studio/admin/users");
    return { reset: true };
  },
);

export const setRolesAction = action(
  { name: "setRoles", permission: "users.manage", schema: setRolesSchema.extend({ roles: rolesFromForm }) },
  async (input, actor) => {
    const result = await setUserRoles(db, actor, input);
    revalidatePath("/studio/admin/users");
    return result;
  },
);

export const setStatusAction = action(
  { name: "setStatus", permission: "users.manage", schema: setStatusSchema },
  async (input, actor) => {
    await setUserStatus(db, actor, input);
    revalidatePath("/studio/admin/users");
    return { status: input.status };
  },
);
