// next-auth configuration: e-mail + password (+ a second-factor code for people who enrolled one) through the
// Credentials provider, argon2id, JWT sessions that carry only the user id, the session version they were
// issued under and their session's id (lib/auth/user-sessions.ts). Everything else about the person is re-read
// from the database per request (getActor), and a token is refused once its version is no longer the user's
// (sign out everywhere, password change, disabling) or its session has ended (signed out).
// A second factor is part of the same credentials step: no token is issued until it is checked.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { clientAddress } from "@/lib/http/client-address";
import { isAppError } from "@/lib/errors";
import { safeCallbackPath } from "@/lib/security/safe-redirect";
import { servedOverHttps } from "@/lib/http/security-headers";
import { SESSION_MAX_AGE_SECONDS, type SessionClaim } from "@/lib/auth/user-sessions";
import { signOut } from "@/lib/accounts/sign-out";

/** The error text the sign-in form recognises as "ask for the code now". */
export const TWO_FACTOR_REQUIRED_ERROR = "TWO_FACTOR_REQUIRED";

/** next-auth hands `authorize` the request headers as a plain object. */
function headerSource(headers: Record<string, unknown> | undefined) {
  return {
    get(name: string): string | null {
      const value = headers?.[name.toLowerCase()];
      return Array.isArray(value) ? value.join(",") : typeof value === "string" ? value : null;
    },
  };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Secure, __Secure-/__Host- prefixed cookies whenever the site's URL is https (said explicitly, not left to
  // next-auth's default, so that it cannot drift from the HSTS and CSP decision in lib/http/security-headers.ts).
  useSecureCookies: servedOverHttps(),
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: {
        email: { label: "E-mail", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) throw new Error("Enter your e-mail and password.");
        try {
          const user = await authenticate(db, {
            email: credentials.email,
            password: credentials.password,
            code: credentials.code || undefined,
            clientAddress: clientAddress(headerSource(req?.headers)),
          });
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
            sessionId: user.sessionId,
          };
        } catch (err) {
          // next-auth passes this message to the sign-in form as `error`.
          if (isAppError(err))
            throw new Error(err.code === "TWO_FACTOR_REQUIRED" ? TWO_FACTOR_REQUIRED_ERROR : err.message);
          console.error("[auth] sign-in failed unexpectedly", err);
          throw new Error("Sign-in is not available right now. Please try again.");
        }
      },
    }),
  ],
  callbacks: {
    // Same rule as the sign-in page: only paths on this site, whatever next-auth was handed.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as { sessionVersion?: number; sessionId?: string };
        token.sub = user.id;
        token.sv = signedIn.sessionVersion ?? 0;
        token.sid = signedIn.sessionId ?? "";
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) {
        const u = session.user as { id?: string } & Partial<SessionClaim>;
        u.id = token.sub;
        u.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
        u.sessionId = typeof token.sid === "string" ? token.sid : "";
      }
      return session;
    },
  },
  events: {
    // next-auth's own sign-out endpoint (POST /api/auth/signout); the site's sign-out button is a server
    // action that does the same (app/signout/actions.ts).
    async signOut({ token }) {
      const claim = claimFromToken(token);
      if (claim) await signOut(db, claim);
    },
  },
};

/** What a decoded session token claims, or null when it names nobody. */
function claimFromToken(token: { sub?: string; sv?: unknown; sid?: unknown } | null | undefined): SessionClaim | null {
  if (!token?.sub) return null;
  return {
    userId: token.sub,
    sessionVersion: typeof token.sv === "number" ? token.sv : -1,
    sessionId: typeof token.sid === "string" ? token.sid : "",
  };
}
