import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/app/_server/session";
import { twoFactorStatus } from "@/lib/accounts/two-factor-status";
import { ChangePasswordForm, DisableTwoFactorForm, RecoveryCodesForm, SignOutEverywhereForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

const fmt = (d: Date) => d.toISOString().slice(0, 10);

export default async function AccountPage() {
  const actor = await requirePermission("account.self", "/account");
  const status = await twoFactorStatus(db, actor.id);
  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{actor.email}</strong>.
      </p>
      <section className="panel" aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">Two-step sign-in</h2>
        {status.enabled ? (
          <>
            <p data-testid="two-factor-status">
              <span className="badge ok">On</span> since {fmt(status.enabledAt!)}. Signing in asks for a code from your
              authenticator app. {status.remainingRecoveryCodes} of 10 recovery codes left.
            </p>
            <RecoveryCodesForm />
            {status.required ? (
              <p className="field-hint">The site&apos;s policy requires two-step sign-in for your role.</p>
            ) : (
              <DisableTwoFactorForm />
            )}
          </>
        ) : (
          <>
            <p data-testid="two-factor-status">
              <span className="badge bad">Off</span>{" "}
              {status.required
                ? "Your role requires two-step sign-in."
                : "Add a code from an authenticator app to your password, so a stolen password is not enough."}
            </p>
            <p>
              <Link href="/account/two-factor" className="button">
                Set up two-step sign-in
              </Link>
            </p>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ChangePasswordForm />
      </section>
      <section className="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>
          Signed in on another computer you no longer use, or think someone else is? End every session, this one too.
        </p>
        <SignOutEverywhereForm />
      </section>
    </>
  );
}
