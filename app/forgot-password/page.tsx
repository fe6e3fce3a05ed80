import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

// Rendered per request: its scripts must carry that request's CSP nonce (proxy.ts), which a page prerendered
// at build time cannot.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">Imprimatur</p>
        <h1>Forgot your password?</h1>
        <p>Enter the e-mail address of your account. We will send a link to choose a new password.</p>
        <ForgotPasswordForm />
        <p className="field-hint">
          <a href="/signin">Back to sign-in</a>
        </p>
      </div>
    </main>
  );
}
