// next-auth configuration: e-mail + password (Credentials provider, argon2id), JWT sessions that carry only
// the user id. Everything else about the person is re-read from the database per request (getActor).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { isAppError } from "@/lib/errors";
import { safeCallbackPath } from "@/lib/security/safe-redirect";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) throw new Error("Enter your e-mail and password.");
        try {
          const user = await authenticate(db, credentials.email, credentials.password);
          return { id: user.id, email: user.email, name: user.name };
        } catch (err) {
          // next-auth passes this message to the sign-in form as `error`.
          if (isAppError(err)) throw new Error(err.message);
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
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
