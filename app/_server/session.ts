// Who is acting, for pages, actions and routes. The session token only names the user; roles and status
// come from the database on every call (lib/users/load-actor.ts).
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { can, type Actor, type Permission } from "@/lib/auth/policy";
import { loadActor } from "@/lib/users/load-actor";
import { authOptions } from "./auth-options";

/** The signed-in, active person, or null. Cached per request so a page and its components share one read. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return loadActor(db, userId);
});

/** Whether the request carries a session token at all (to tell "signed out" from "account disabled"). */
async function hasSessionCookie(): Promise<boolean> {
  const cookie = (await headers()).get("cookie") ?? "";
  return /next-auth\.session-token=/.test(cookie);
}

/**
 * For pages: the actor, who must hold `permission`. Not signed in → the sign-in page (and back afterwards);
 * signed in but disabled → the sign-in page with a notice; signed in without the permission → 403.
 */
export async function requirePermission(permission: Permission, returnTo?: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    // The stale token is harmless (the account behind it is refused on every request) and is replaced at the
    // next sign-in; clearing it here would need a GET that signs out, which any other site could trigger.
    if (await hasSessionCookie()) redirect("/signin?notice=inactive");
    redirect(`/signin${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ""}`);
  }
  if (!can(actor, permission)) forbidden();
  return actor;
}
