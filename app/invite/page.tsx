import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { peekAccountToken } from "@/lib/accounts/account-tokens";
import { SetPasswordForm } from "../reset-password/set-password-form";

// no-referrer: the token in this page's address must not leak to any other site through the Referer header.
export const metadata: Metadata = { title: "Welcome to Imprimatur", robots: { index: false }, referrer: "no-referrer" };

export default async function InvitePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const token = (await searchParams).token ?? "";
  const row = await peekAccountToken(db, token.slice(0, 200), "INVITE");
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">Imprimatur</p>
        <h1>Welcome{row ? `, ${row.user.name}` : ""}</h1>
        {row ? (
          <>
            <p>
              Choose the password for <strong>{row.user.email}</strong>. Only you will know it.
            </p>
            <SetPasswordForm kind="invite" token={token} />
          </>
        ) : (
          <p className="notice error" role="alert">
            This invitation link has expired or was already used. Ask an administrator to send a new one.
          </p>
        )}
      </div>
    </main>
  );
}
