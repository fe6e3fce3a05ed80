// A wide table's own sideways scroller: on a phone the table scrolls inside it, and the page itself (with the
// article workspace's sticky header) never does. It is a named region that takes focus, so keyboard users can
// scroll it with the arrow keys and screen readers announce what it holds.
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
