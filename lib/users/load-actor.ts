// Reads the person behind a session from the database on every request: roles and status are never trusted
// from the session token, so disabling an account or removing a role takes effect on the next click.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";
import { requiresTwoFactor, twoFactorRolesSetting } from "../auth/two-factor-policy";
import { toActor } from "./to-actor";
import { openSessionRule, whySessionEnded, type SessionClaim, type SessionEnd } from "../auth/user-sessions";

const ACTOR_SELECT = {
  id: true,
  name: true,
  email: true,
  status: true,
  sessionVersion: true,
  totpEnabledAt: true,
  roles: { select: { role: true } },
} as const;

/** The actor for a user id, with no session checks (scripts, tests, benchmarks). */
export async function loadActor(db: DbTx, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: ACTOR_SELECT });
  if (!user || user.status !== "ACTIVE") return null;
  return toActor(user);
}

export type SessionActor = { actor: Actor; ended?: undefined } | { actor: null; ended: SessionEnd };

/**
 * The actor behind a session token (or a co-editing ticket minted from one): one read for the user, roles,
 * status, session version, the token's session row and whether a second factor is enrolled. A token issued
 * under an older session version (sign out everywhere, password change or reset, second-factor reset,
 * disabling), or whose session row is gone (signed out) or past its expiry, is refused. A person whose roles
 * require a second factor they have not enrolled gets an actor marked `twoFactorPending`, which holds no
 * permission but managing their own account (policy.ts); only they cost a second read (the policy setting).
 */
export async function loadSessionActor(db: DbTx, claim: SessionClaim, now = new Date()): Promise<SessionActor> {
  const open = openSessionRule(claim, now);
  const user = await db.user.findUnique({
    where: { ...open.user, sessions: { some: open.row } },
    select: ACTOR_SELECT,
  });
  if (!user) return { actor: null, ended: await whySessionEnded(db, claim) };
  const actor = toActor(user);
  const twoFactorPending =
    !user.totpEnabledAt && actor.roles.length > 0 && requiresTwoFactor(actor.roles, await twoFactorRolesSetting(db));
  return { actor: twoFactorPending ? { ...actor, twoFactorPending } : actor };
}
