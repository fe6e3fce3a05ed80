import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/app/_server/session";
import { signOutAction } from "@/app/signout/actions";
import { SignOutButton } from "@/app/signout/sign-out-button";
import "../studio/studio.css";

export const metadata: Metadata = {
  title: { default: "Your account", template: "%s · Imprimatur" },
  robots: { index: false },
};

// Outside the studio layout on purpose: someone who must still enrol a second factor can reach these pages
// (and nothing else).
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePermission("account.self", "/account");
  return (
    <div className="studio">
      <header className="studio-header account-header">
        {/* The brand is this section's home; someone who must still enrol a second factor has only that page. */}
        <Link href={actor.twoFactorPending ? "/account/two-factor" : "/account"} className="studio-brand">
          Imprimatur <span>Account</span>
        </Link>
        {!actor.twoFactorPending && (
          <nav aria-label="Account">
            <ul>
              <li>
                <Link href="/studio">Back to the studio</Link>
              </li>
            </ul>
          </nav>
        )}
        <div className="studio-user">
          <span data-testid="studio-user" className="account-user-name">
            {actor.name}
          </span>
          <form action={signOutAction}>
            <SignOutButton className="secondary" />
          </form>
        </div>
      </header>
      <main id="main" className="studio-main">
        {children}
      </main>
    </div>
  );
}
