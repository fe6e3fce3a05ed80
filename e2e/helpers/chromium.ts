// Which Chromium to drive: an explicit path, Debian's `chromium` on the PATH, or Playwright's own download.
// Playwright cannot download browsers on every machine (not here), so the system one comes first.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export function findChromium(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH points at ${explicit}, which does not exist.`);
    return explicit;
  }
  for (const name of ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on the PATH; try the next name
    }
  }
  return undefined; // fall back to Playwright's own browser, checked in globalSetup
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
