// Which roles must sign in with a second factor: an admin policy stored in the Setting table
// ("auth.twoFactorRoles", a comma-separated role list; default reviewers, editors and admins). The demo seed
// sets it to none so the published demo accounts work without an authenticator app.
import type { DbTx } from "../db/client";
import { getSetting } from "../settings/settings";
import { ROLES, isRole, type Role } from "./roles";

export const TWO_FACTOR_SETTING = "auth.twoFactorRoles";

export function parseTwoFactorRoles(value: string): Role[] {
  const wanted = new Set(value.split(",").map((s) => s.trim().toUpperCase()));
  return ROLES.filter((r) => wanted.has(r));
}

export function formatTwoFactorRoles(roles: readonly string[]): string {
  return ROLES.filter((r) => roles.includes(r)).join(",");
}

export async function twoFactorRolesSetting(db: DbTx): Promise<Role[]> {
  return parseTwoFactorRoles(await getSetting(db, TWO_FACTOR_SETTING));
}

/** Whether a person holding `roles` must have a second factor under the policy `required`. */
export function requiresTwoFactor(roles: readonly string[], required: readonly Role[]): boolean {
  return roles.some((r) => isRole(r) && required.includes(r));
}
