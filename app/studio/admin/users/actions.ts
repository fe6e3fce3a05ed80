"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import {
  createUser,
  newUserSchema,
  setRolesSchema,
  setStatusSchema,
  setUserRoles,
  setUserStatus,
} from "@/lib/users/manage-users";
import { action } from "@/app/_server/action";

const rolesFromForm = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  setRolesSchema.shape.roles,
);

export const createUserAction = action(
  { name: "createUser", permission: "users.manage", schema: newUserSchema.extend({ roles: rolesFromForm }) },
  async (input, actor) => {
    const user = await createUser(db, actor, input);
    revalidatePath("/studio/admin/users");
    return { id: user.id };
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
