// The sessions behind session tokens. A token (a next-auth JWT) names its user, the user's session version when
// it was issued, and its own row in UserSession; a request is served only while all three hold (see
// lib/users/load-actor.ts). The row is what lets one session end on its own: signing out deletes it, so a copy
// of the token stops working at once, in every process, on SQLite and PostgreSQL alike. Bumping the version
// ends every session of the person at once (revokeSessions, lib/accounts/sign-out-everywhere.ts).
//
// Cost: a sign-in inserts one row (and deletes rows past their expiry, through an index); a request reads the
// row by primary key in the same call that reads the user.
import { randomBytes } from "node:crypto";
import type { DbTx } from "../db/client";

/** How long a session lasts from sign-in (also the session token's lifetime, app/_server/auth-options.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** What a session token (or a co-editing ticket minted from one) claims. */
export interface SessionClaim {
  userId: string;
  /** The UserSession row; "" for a token issued before sessions had rows (refused). */
  sessionId: string;
  sessionVersion: number;
}

/**
 * Opens a session for a sign-in, inside the sign-in's transaction, and returns its id. Rows past their expiry
 * are deleted here: sign-ins are rare next to requests, and the table stays the size of the sessions alive.
 */
export async function startUserSession(tx: DbTx, userId: string, now = new Date()): Promise<string> {
  await tx.userSession.deleteMany({ where: { expiresAt: { lte: now } } });
  // Random, not a cuid: nothing about one session's id tells anything about another's.
  const id = randomBytes(18).toString("base64url");
  await tx.userSession.create({
    data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return id;
}

/** Ends one session; false when it had already ended (or is not this user's). */
export async function endUserSession(tx: DbTx, claim: Pick<SessionClaim, "userId" | "sessionId">) {
  if (!claim.sessionId) return false;
  const { count } = await tx.userSession.deleteMany({ where: { id: claim.sessionId, userId: claim.userId } });
  return count > 0;
}
