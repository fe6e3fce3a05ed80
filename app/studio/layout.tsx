import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/policy";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { requirePermission } from "@/app/_server/session";
import { signOutAction } from "@/app/signout/actions";
import { SignOutButton } from "@/app/signout/sign-out-button";
import { db } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications/inbox";
import { releaseStatus } from "@/lib/release/release-status";
import { STUDIO_NAV, type NavEntry } from "./nav";
import { NavDisclosure } from "./nav-disclosure";
import { StudioNavLink } from "./nav-link";
import { runDueCheckIfNeeded } from "@/lib/processes/publish-scheduler";
import "./studio.css";

export const metadata: Metadata = {
  title: { default: "Studio", template: "%s · Imprimatur Studio" },
  robots: { index: false },
};

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePermission("studio.access", "/studio");
  // Publish anything scheduled that has fallen due before showing staff the state of things.
  await runDueCheckIfNeeded();
  const roles = actor.roles.filter(isRole).map((r) => ROLE_LABELS[r]);
  // One indexed count (Notification has an index on userId, readAt) on every studio page.
  const [unread, release] = await Promise.all([unreadCount(db, actor.id), releaseStatus(db)]);
  const nav = STUDIO_NAV.filter((entry) => can(actor, entry.permission));
  const navHrefs = nav.map((entry) => entry.href);
  const inBar = nav.filter((entry) => !entry.group);
  const admin = nav.filter((entry) => entry.group === "admin");
  const yours = nav.filter((entry) => entry.group === "you");
  const link = (entry: NavEntry) => (
    <li key={entry.href}>
      <StudioNavLink href={entry.href} allHrefs={navHrefs}>
        {entry.label}
        {entry.showsUnread && unread > 0 && (
          <>
            {" "}
            <span className="nav-count" data-testid="unread-count">
              {unread > 99 ? "99+" : unread}
            </span>
            <span className="visually-hidden"> unread</span>
          </>
        )}
      </StudioNavLink>
    </li>
  );
  return (
    <div className="studio">
      <header className="studio-header studio-topbar">
        <Link href="/studio" className="studio-brand">
          Imprimatur <span>Studio</span>
        </Link>
        {/* On a phone everything but the brand folds behind "Menu"; on wider screens the menu is always shown
            and its summary hidden (studio.css). */}
        <NavDisclosure
          className="studio-menu"
          summary={
            <>
              <span aria-hidden="true">☰</span> Menu
            </>
          }
        >
          <div className="studio-menu-body">
            <nav aria-label="Studio">
              <ul>
                {inBar.map(link)}
                {admin.length > 0 && (
                  <li>
                    <NavDisclosure
                      className="nav-group"
                      summary="Admin"
                      sectionHrefs={admin.map((entry) => entry.href)}
                      allHrefs={navHrefs}
                      testId="admin-menu"
                    >
                      <ul className="nav-group-panel">{admin.map(link)}</ul>
                    </NavDisclosure>
                  </li>
                )}
              </ul>
            </nav>
            <div className="studio-user">
              <NavDisclosure
                className="nav-group account-menu"
                summary={
                  <>
                    <span data-testid="studio-user">{actor.name}</span>
                    <span className="visually-hidden">: your account</span>
                  </>
                }
                sectionHrefs={yours.map((entry) => entry.href)}
                allHrefs={navHrefs}
                testId="account-menu"
              >
                <div className="nav-group-panel">
                  <p className="studio-roles">
                    {actor.name}
                    <br />
                    {roles.join(", ")}
                  </p>
                  <ul>{yours.map(link)}</ul>
                </div>
              </NavDisclosure>
              <form action={signOutAction}>
                <SignOutButton className="secondary" />
              </form>
            </div>
          </div>
        </NavDisclosure>
      </header>
      <main id="main" className="studio-main">
        {children}
      </main>
      <footer className="studio-footer" data-testid="studio-footer">
        Imprimatur {release.version}
        {release.migration && (
          <>
            {" "}
            · database schema <code>{release.migration}</code>
          </>
        )}
      </footer>
    </div>
  );
}
