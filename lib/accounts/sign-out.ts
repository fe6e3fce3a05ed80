// Signing out on one browser: its session row goes (lib/auth/user-sessions.ts), so the token stops working
// everywhere it was copied, not only in the browser whose cookie is cleared. Other sessions of the person go on.
import type { Db } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";
import { endUserSession, type SessionClaim } from "../auth/user-sessions";

/** Ends the session `claim` names; nothing happens (and nothing is recorded) when it had already ended. */
export async function signOut(db: Db, claim: Pick<SessionClaim, "userId" | "sessionId">): Promise<void> {
  if (!claim.sessionId) return;
  await db.$transaction(async (tx) => {
    if (!(await endUserSession(tx, claim))) return;
    await recordAuditEvent(tx, {
      actorId: claim.userId,
      action: "auth.signed_out",
      entityType: "User",
      entityId: claim.userId,
    });
  });
}
