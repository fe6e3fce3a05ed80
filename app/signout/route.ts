// Signing out clears the session cookies. POST for the "Sign out" button (same-origin form); GET only for
// the redirect that ends the session of an account that was disabled meanwhile.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "next-auth.csrf-token", "next-auth.callback-url"];
// Cookies with these prefixes are only accepted (and so only cleared) when marked Secure.
const SECURE_SESSION_COOKIES = [
  "__Secure-next-auth.session-token",
  "__Secure-next-auth.callback-url",
  "__Host-next-auth.csrf-token",
];

function signedOut(notice: string) {
  // A relative Location keeps the browser on the host it used (request.url may name another, e.g. localhost).
  const response = new NextResponse(null, { status: 303, headers: { Location: `/signin?notice=${notice}` } });
  for (const name of SESSION_COOKIES) response.cookies.set(name, "", { path: "/", maxAge: 0 });
  for (const name of SECURE_SESSION_COOKIES) response.cookies.set(name, "", { path: "/", maxAge: 0, secure: true });
  return response;
}

export async function POST(request: NextRequest) {
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host"))
    return new NextResponse("Cross-site sign-out refused.", { status: 403 });
  return signedOut("signed-out");
}

export async function GET(request: NextRequest) {
  return signedOut(request.nextUrl.searchParams.get("reason") === "inactive" ? "inactive" : "signed-out");
}
