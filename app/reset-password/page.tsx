import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { peekAccountToken } from "@/lib/accounts/account-tokens";
import { SetPasswordForm } from "./set-password-form";

// no-referrer: the token in this page's address must not leak to any other site through the Referer header.
export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const token = (await searchParams).token ?? "";
  const row = await peekAccountToken(db, token.slice(0, 200), "RESET");
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">Imprimatur</p>
        <h1>Choose a new password</h1>
        {row ? (
          <>
            <p>
              For <strong>{row.user.email}</strong>. Every session of this account ends when the password changes.
            </p>
            <SetPasswordForm kind="reset" token={token} />
          </>
        ) : (
          <p className="notice error" role="alert">
            This password reset link has expired or was already used. <a href="/forgot-password">Ask for a new one</a>.
          </p>
        )}
      </div>
    </main>
  );
}
