// A person turns their own second factor off, unless the site's policy requires it for their roles. Audited.
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { twoFactorStatus } from "./two-factor-status";
import { assertPassword, type PasswordConfirmationInput } from "./confirm-password";
import { clearTwoFactor } from "./clear-two-factor";

/** Turns the second factor off (not allowed when the site's policy requires it for this person's roles). */
export async function disableTwoFactor(db: Db, actor: Actor, { password }: PasswordConfirmationInput) {
  assertCan(actor, "account.self", "manage two-step sign-in");
  if ((await twoFactorStatus(db, actor.id)).required)
    throw new AppError("FORBIDDEN", "The site's policy requires two-step sign-in for your role, so it stays on.");
  await assertPassword(db, actor.id, password);
  await db.$transaction(async (tx) => {
    await clearTwoFactor(tx, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.two_factor_disabled",
      entityType: "User",
      entityId: actor.id,
    });
  });
}
