"use client";
// A studio navigation link that marks itself as the current section (aria-current="page"): the link whose
// address is the page's, or the longest one the page's address lies under (Articles on an article's pages).
// Dashboard ("/studio") is current on the dashboard only, not under every studio page.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function isCurrentSection(pathname: string, href: string, allHrefs: readonly string[]): boolean {
  const under = (h: string) => pathname === h || (h !== "/studio" && pathname.startsWith(`${h}/`));
  if (!under(href)) return false;
  return !allHrefs.some((other) => other.length > href.length && under(other));
}

export function StudioNavLink({ href, allHrefs, children }: { href: string; allHrefs: string[]; children: ReactNode }) {
  const pathname = usePathname() ?? "";
  return (
    <Link href={href} aria-current={isCurrentSection(pathname, href, allHrefs) ? "page" : undefined}>
      {children}
    </Link>
  );
}
