// New recovery codes for the second factor; the old ones stop working. Audited in the same transaction.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { replaceRecoveryCodes } from "../auth/recovery-codes";
import { recordAuditEvent } from "../audit/record-event";
import { assertPassword, type PasswordConfirmationInput } from "./confirm-password";

/** New recovery codes (the old ones stop working); the password is asked again. */
export async function regenerateRecoveryCodes(
  db: Db,
  actor: Actor,
  { password }: PasswordConfirmationInput,
): Promise<{ recoveryCodes: string[] }> {
  assertCan(actor, "account.self", "manage two-step sign-in");
  await assertPassword(db, actor.id, password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new AppError("CONFLICT", "Set up two-step sign-in first.");
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.recovery_codes_regenerated",
      entityType: "User",
      entityId: actor.id,
    });
    return { recoveryCodes };
  });
}
