// The TOTP second factor (enrolment, recovery codes, removal: the other two-factor files of lib/accounts): whether a
// person has it, since when, how many recovery codes are left, and whether the site's policy requires it.
import type { DbTx } from "../db/client";
import { remainingRecoveryCodes } from "../auth/recovery-codes";
import { requiresTwoFactor, twoFactorRolesSetting } from "../auth/two-factor-policy";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  remainingRecoveryCodes: number;
  /** Whether the site's policy requires a second factor for this person's roles. */
  required: boolean;
}

export async function twoFactorStatus(db: DbTx, userId: string): Promise<TwoFactorStatus> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true, roles: { select: { role: true } } },
  });
  const required = requiresTwoFactor(
    user.roles.map((r) => r.role),
    await twoFactorRolesSetting(db),
  );
  return {
    enabled: !!user.totpEnabledAt,
    enabledAt: user.totpEnabledAt,
    remainingRecoveryCodes: user.totpEnabledAt ? await remainingRecoveryCodes(db, userId) : 0,
    required,
  };
}
