// Ends every session of a person at once: the user's session version moves on and their session rows go, and
// each request re-checks both (lib/users/load-actor.ts), so other browsers are out on their next click. Used by
// sign out everywhere, password change and reset, second-factor reset and disabling.
import type { Db, DbTx } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";

/** Revokes every session of `userId` inside the caller's transaction (no audit: the caller records why). */
export async function revokeSessions(tx: DbTx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.userSession.deleteMany({ where: { userId } });
}

export async function signOutEverywhere(db: Db, actor: Actor): Promise<void> {
  assertCan(actor, "account.self", "end these sessions");
  await db.$transaction(async (tx) => {
    await revokeSessions(tx, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.signed_out_everywhere",
      entityType: "User",
      entityId: actor.id,
    });
  });
}
