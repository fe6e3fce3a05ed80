// Who is acting, for pages, actions and routes. The session token only names the user, the session version
// it was issued under and its session; roles, status, the version, whether the session is still open and the
// second-factor requirement come from the database on every call (lib/users/load-actor.ts).
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { can, type Actor, type Permission } from "@/lib/auth/policy";
import { loadSessionActor, type SessionActor } from "@/lib/users/load-actor";
import type { SessionClaim } from "@/lib/auth/user-sessions";
import { authOptions } from "./auth-options";

/** What the request's session token claims (not checked against the database), or null without one. */
export const getSessionClaim = cache(async (): Promise<SessionClaim | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as ({ id?: string } & Partial<SessionClaim>) | undefined;
  if (!user?.id) return null;
  return { userId: user.id, sessionVersion: user.sessionVersion ?? -1, sessionId: user.sessionId ?? "" };
});

/** The session's actor, or why there is none. Cached per request so a page and its components share one read. */
export const getSessionActor = cache(async (): Promise<SessionActor | null> => {
  const claim = await getSessionClaim();
  return claim ? loadSessionActor(db, claim) : null;
});

/** The signed-in, active person, or null. */
export async function getActor(): Promise<Actor | null> {
  return (await getSessionActor())?.actor ?? null;
}

/** Where someone who must still enrol a second factor is sent, whatever they asked for. */
export const TWO_FACTOR_ENROLMENT_PATH = "/account/two-factor";

/**
 * For pages: the actor, who must hold `permission`. Not signed in → the sign-in page (and back afterwards);
 * a session that ended (account disabled, signed out everywhere, password changed) → the sign-in page with a
 * notice; a second factor still to enrol → the enrolment page; signed in without the permission → 403.
 */
export async function requirePermission(permission: Permission, returnTo?: string): Promise<Actor> {
  const state = await getSessionActor();
  const actor = state?.actor;
  if (!actor) {
    // The stale token is harmless (it is refused on every request) and is replaced at the next sign-in.
    if (state?.ended) redirect(`/signin?notice=${state.ended}`);
    redirect(`/signin${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ""}`);
  }
  if (actor.twoFactorPending && !can(actor, permission))
    redirect(`${TWO_FACTOR_ENROLMENT_PATH}${returnTo ? `?next=${encodeURIComponent(returnTo)}` : ""}`);
  if (!can(actor, permission)) forbidden();
  return actor;
}
