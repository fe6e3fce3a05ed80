// next-auth's own endpoints (sign-in, session, CSRF token). Its POSTs carry next-auth's CSRF token; the
// cross-site check refuses another site's page before next-auth even reads the body.
import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth-options";
import { assertSameOrigin, jsonError } from "@/app/_server/route";

const handler = NextAuth(authOptions);

async function POST(request: Request, context: unknown): Promise<Response> {
  try {
    assertSameOrigin(request);
  } catch (err) {
    return jsonError(err, "route auth");
  }
  return (handler as (request: Request, context: unknown) => Promise<Response>)(request, context);
}

export { handler as GET, POST };
