import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/app/_server/session";
import { safeCallbackPath } from "@/lib/security/safe-redirect";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const NOTICES: Record<string, string> = {
  inactive:
    "Your session has ended because your account is no longer active. Contact an administrator if this is unexpected.",
  "signed-out": "You are signed out.",
  "session-ended":
    "Your session has ended: it was signed out (here or everywhere), your password or two-step sign-in changed, or it expired. Sign in again.",
  "password-changed": "Your password was changed and every session signed out. Sign in with your new password.",
  "password-set": "Your password is set. Sign in with it now.",
  "signed-out-everywhere": "You are signed out on every device.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, process.env.NEXTAUTH_URL);
  if (await getActor()) redirect(callbackUrl);
  const notice = params.notice ? NOTICES[params.notice] : undefined;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">Imprimatur</p>
        <h1>Sign in to the studio</h1>
        {notice && (
          <p className="notice info" role="status">
            {notice}
          </p>
        )}
        <SignInForm callbackUrl={callbackUrl} email={params.email?.slice(0, 320)} />
        <p className="field-hint">
          Readers do not need an account. <Link href="/">Back to articles</Link>
        </p>
      </div>
    </main>
  );
}
