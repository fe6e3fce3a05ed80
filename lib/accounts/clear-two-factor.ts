// What removing a second factor clears: the secret, its enabling and the recovery codes (inside the caller's
// transaction: disable-two-factor.ts, reset-two-factor-by-admin.ts).
import type { DbTx } from "../db/client";

export async function clearTwoFactor(tx: DbTx, userId: string) {
  await tx.user.update({
    where: { id: userId },
    data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}
