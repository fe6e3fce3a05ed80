"use client";
// A menu in the studio's top bar (the phone "Menu", "Admin", the person's own menu). It is a <details>, so it
// opens without JavaScript and from the keyboard (Enter or Space on its summary), and its panel is laid over the
// page rather than pushing it down. With JavaScript it also closes when the page changes (the top bar stays
// mounted across client navigations), on Escape (focus goes back to its summary; the innermost open menu
// closes first) and on a click outside it. It shows as current (like a current link) when one of its pages is.
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { isCurrentSection } from "./nav-link";

export function NavDisclosure({
  className,
  summary,
  children,
  sectionHrefs = [],
  allHrefs = [],
  testId,
}: {
  className: string;
  summary: ReactNode;
  children: ReactNode;
  /** The pages under this menu: the menu shows as current when the page is one of them. */
  sectionHrefs?: readonly string[];
  allHrefs?: readonly string[];
  testId?: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname() ?? "";
  const current = sectionHrefs.some((href) => isCurrentSection(pathname, href, allHrefs));

  useEffect(() => {
    ref.current?.removeAttribute("open");
  }, [pathname]);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      event.stopPropagation();
      details.open = false;
      details.querySelector<HTMLElement>(":scope > summary")?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    details.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      details.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, []);

  return (
    <details ref={ref} className={`${className}${current ? " has-current" : ""}`} data-testid={testId}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
