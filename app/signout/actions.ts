"use server";
// Signing out ends the session on the server (its row goes, lib/accounts/sign-out.ts: a copy of the token is
// refused from now on) and clears the session cookies. Only ever by POST (this server action, from a form on
// this site: Next refuses server actions whose Origin is another host), so no link or image elsewhere can sign
// anyone out.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { signOut } from "@/lib/accounts/sign-out";
import { getSessionClaim } from "@/app/_server/session";

const SESSION_COOKIES = ["next-auth.session-token", "next-auth.csrf-token", "next-auth.callback-url"];
// Cookies with these prefixes are only accepted (and so only cleared) when marked Secure.
const SECURE_SESSION_COOKIES = [
  "__Secure-next-auth.session-token",
  "__Secure-next-auth.callback-url",
  "__Host-next-auth.csrf-token",
];

export async function signOutAction(): Promise<never> {
  const claim = await getSessionClaim();
  if (claim) await signOut(db, claim);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.set(name, "", { path: "/", maxAge: 0 });
  for (const name of SECURE_SESSION_COOKIES) jar.set(name, "", { path: "/", maxAge: 0, secure: true });
  redirect("/signin?notice=signed-out");
}
