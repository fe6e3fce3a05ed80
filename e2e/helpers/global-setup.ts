// Fails early with a clear message when there is no Chromium to drive.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { findChromium } from "./chromium";

export default async function globalSetup() {
  if (findChromium()) return;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (!bundled || !existsSync(bundled)) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install one of: Debian's package (`apt-get install -y chromium`), " +
        "Playwright's browser (`npx playwright install chromium`), or set CHROMIUM_PATH to a Chromium/Chrome binary.",
    );
  }
}
