// next-auth's own endpoints (sign-in, session, CSRF token). Its POSTs carry next-auth's CSRF token; the
// cross-site check refuses another site's page before next-auth even reads the body. next-auth itself reads a
// POST body whole and throws (a 500) on one that is not what its own client sends, so the body is read here
// first: at most AUTH_BODY_MAX_BYTES, as a form (sign-in, sign-out) or JSON (session update) that parses, and
// handed on as a fresh request; anything else is a 4xx. Its session endpoint answers for a token whose session
// has ended (signed out, signed out everywhere…) as for no token at all: next-auth alone would still describe it.
import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { authOptions } from "@/app/_server/auth-options";
import { getSessionActor } from "@/app/_server/session";
import { assertSameOrigin, jsonError } from "@/app/_server/route";
import { AppError } from "@/lib/errors";
import { mediaType, readBodyText } from "@/lib/http/read-body";

const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;
const AUTH_BODY_MAX_BYTES = 16 * 1024;

async function POST(request: Request, context: unknown): Promise<Response> {
  let body: string;
  try {
    assertSameOrigin(request);
    const type = mediaType(request);
    if (type !== "application/x-www-form-urlencoded" && type !== "application/json")
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the form as application/x-www-form-urlencoded.");
    body = await readBodyText(request, AUTH_BODY_MAX_BYTES);
    if (type === "application/json") {
      try {
        JSON.parse(body);
      } catch {
        throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
      }
    }
  } catch (err) {
    return jsonError(err, "route auth");
  }
  // next-auth reads request.nextUrl: a NextRequest with the same URL, method and headers and the checked body.
  return handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
}

async function GET(request: Request, context: unknown): Promise<Response> {
  if (new URL(request.url).pathname.endsWith("/api/auth/session")) {
    const state = await getSessionActor();
    if (state && !state.actor) return NextResponse.json({}, { headers: { "Cache-Control": "private, no-store" } });
  }
  return handler(request, context);
}

export { GET, POST };
