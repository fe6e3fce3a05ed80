// The sessions behind session tokens. A token (a next-auth JWT) names its user, the user's session version when
// it was issued, and its own row in UserSession; a request is served only while all three hold (see
// lib/users/load-actor.ts). The row is what lets one session end on its own: signing out deletes it, so a copy
// of the token stops working at once, in every process, on SQLite and PostgreSQL alike. Bumping the version
// ends every session of the person at once (revokeSessions, lib/accounts/sign-out-everywhere.ts).
//
// Cost: a sign-in inserts one row (and deletes rows past their expiry, through an index); a request checks the
// row by primary key inside the query that reads the user (an EXISTS), so the check adds no round trip.
import { randomBytes } from "node:crypto";
import type { DbTx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";

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

/** Why a session token no longer names an actor. */
export type SessionEnd = "inactive" | "session-ended";

/**
 * What makes the session a claim names open: its row exists, is not past its expiry, and the account is active
 * under the same session version. The one rule for page requests (lib/users/load-actor.ts, which reads the
 * user with it) and open co-editing sockets (openSessionsAmong, which reads the rows with it).
 */
export function openSessionRule(claim: SessionClaim, now: Date) {
  return {
    user: { id: claim.userId, status: "ACTIVE", sessionVersion: claim.sessionVersion },
    row: { id: claim.sessionId, userId: claim.userId, expiresAt: { gt: now } },
  } satisfies { user: Prisma.UserWhereInput; row: Prisma.UserSessionWhereInput };
}

/** Why a claim's session is not open (the rare path: one more read, only for a token that no longer works). */
export async function whySessionEnded(db: DbTx, claim: SessionClaim): Promise<SessionEnd> {
  const user = await db.user.findUnique({ where: { id: claim.userId }, select: { status: true } });
  return user?.status === "ACTIVE" ? "session-ended" : "inactive";
}

/** Which of `claims` are still open, read with one query however many there are (the co-editing server's check). */
export async function openSessionsAmong(
  db: DbTx,
  claims: readonly SessionClaim[],
  now = new Date(),
): Promise<(claim: SessionClaim) => boolean> {
  const named = claims.filter((c) => c.sessionId);
  const rows = named.length
    ? await db.userSession.findMany({
        where: {
          OR: named.map((c) => {
            const { user, row } = openSessionRule(c, now);
            return { ...row, user };
          }),
        },
        select: { id: true, userId: true, user: { select: { sessionVersion: true } } },
      })
    : [];
  return (claim) =>
    rows.some(
      (r) => r.id === claim.sessionId && r.userId === claim.userId && r.user.sessionVersion === claim.sessionVersion,
    );
}
