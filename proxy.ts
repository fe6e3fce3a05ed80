// Security headers decided per request (lib/http/security-headers.ts): a fresh script nonce for the pages that
// run React (Next reads it from the request's Content-Security-Policy header and puts it on its own scripts),
// the fixed no-inline-script policy for everything else, and HSTS when the site is configured as HTTPS.
// Static files are left alone, and so are the API routes and image files: Next buffers the body of every request
// that passes through a proxy (up to 10 MB each), and route handlers read theirs as a bounded stream instead
// (lib/http/read-body.ts). Their answers are JSON, feeds and images, which run no script.
import { NextResponse, type NextRequest } from "next/server";
import {
  STRICT_TRANSPORT_SECURITY,
  appContentSecurityPolicy,
  isAppPath,
  newNonce,
  publicContentSecurityPolicy,
  servedOverHttps,
} from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const https = servedOverHttps();
  let response: NextResponse;
  let policy: string;
  if (isAppPath(request.nextUrl.pathname)) {
    const nonce = newNonce();
    policy = appContentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === "development" });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    policy = publicContentSecurityPolicy({ https });
    response = NextResponse.next();
  }
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: ["/((?!api/|media/|_next/static|_next/image|favicon.ico|icon.svg|islands/).*)"],
};
