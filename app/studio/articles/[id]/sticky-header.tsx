"use client";
// The workspace header's frame: sticky on wide screens (workspace.css), and it publishes its height as
// --ws-header-height so the editor's own sticky bars (save state, toolbar) stop below it instead of under it.
import { useEffect, useRef, type ReactNode } from "react";

export function StickyHeader({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement;
    const update = () => {
      const sticky = getComputedStyle(el).position === "sticky";
      root.style.setProperty(
        "--ws-header-height",
        sticky ? `${Math.ceil(el.getBoundingClientRect().height)}px` : "0px",
      );
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener("resize", update);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", update);
      root.style.removeProperty("--ws-header-height");
    };
  }, []);
  return (
    <header ref={ref} className="workspace-header" data-testid="workspace-header">
      {children}
    </header>
  );
}
