// GET /signout never signs anyone out (any page on the web could link or embed it): it shows a button that
// does, by POST.
import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "./actions";
import { SignOutButton } from "./sign-out-button";

// Rendered per request: its scripts must carry that request's CSP nonce (proxy.ts), which a page prerendered
// at build time cannot.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

export default function SignOutPage() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-brand">Imprimatur</p>
        <h1>Sign out</h1>
        <p>Sign out of the Imprimatur studio on this browser?</p>
        <form action={signOutAction}>
          <p>
            <SignOutButton />
          </p>
        </form>
        <p className="field-hint">
          <Link href="/studio">Back to the studio</Link> · <Link href="/">Back to articles</Link>
        </p>
      </div>
    </main>
  );
}
