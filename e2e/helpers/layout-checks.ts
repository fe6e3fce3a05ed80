// What the studio tour and the every-screen spec check on each screen: nothing makes the page scroll sideways,
// axe finds nothing serious or critical, and at desktop widths no navigation bar wraps to a second row.
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const AXE = path.resolve(__dirname, "..", "..", "node_modules", "axe-core", "axe.min.js");

/** Elements whose right edge is past the page's width: what makes a page scroll sideways. */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Inside a scrolling container (a wide table in its own scroller) is fine.
      let p = el.parentElement;
      let scrolls = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") scrolls = true;
        p = p.parentElement;
      }
      if (!scrolls) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(box.right)}`);
    }
    return out.slice(0, 5);
  });
}

/** axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function seriousAxe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<Result> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
  });
}

/**
 * Navigation bars that take more than one row: every visible <nav> whose items (its list's items, or its links)
 * do not all share one row, and the studio's top bar when the brand, the navigation and the person's menu are
 * not side by side. Each entry names the bar and its row tops.
 */
export async function wrappedNavigation(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const b = el.getBoundingClientRect();
      return b.width > 0 && b.height > 0;
    };
    /** Boxes share a row when some horizontal line crosses them all. */
    const oneRow = (els: Element[]) => {
      const boxes = els.filter(visible).map((el) => el.getBoundingClientRect());
      if (boxes.length < 2) return true;
      return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
    };
    const tops = (els: Element[]) => [
      ...new Set(els.filter(visible).map((el) => Math.round(el.getBoundingClientRect().top))),
    ];
    for (const nav of document.querySelectorAll("nav")) {
      if (!visible(nav)) continue;
      const list = nav.querySelector("ul, ol");
      const items = list ? [...list.children] : [...nav.querySelectorAll("a")];
      if (!oneRow(items)) out.push(`nav "${nav.getAttribute("aria-label") ?? ""}" rows at ${tops(items).join(", ")}`);
    }
    const bar = document.querySelector(".studio-topbar");
    if (bar) {
      const parts = [bar.querySelector(".studio-brand"), bar.querySelector("nav"), bar.querySelector(".studio-user")];
      const present = parts.filter((el): el is Element => !!el);
      if (!oneRow(present)) out.push(`studio top bar rows at ${tops(present).join(", ")}`);
    }
    return out;
  });
}

/** The checks every studio screen passes at every size: no sideways scrolling, axe, and (wide) one-row bars. */
export async function checkScreen(page: Page, where: string, width: number) {
  expect(await overflowing(page), `${where}: nothing wider than the page`).toEqual([]);
  if (width >= 1024) expect(await wrappedNavigation(page), `${where}: no navigation bar wraps`).toEqual([]);
  expect(await seriousAxe(page), `axe on ${where}`).toEqual([]);
}
