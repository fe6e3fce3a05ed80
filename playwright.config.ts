import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/helpers/chromium";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_MEDIA_DIR, E2E_PORT, E2E_STUB_URL } from "./e2e/helpers/env";

const executablePath = findChromium();
// The config is evaluated in every worker too: keep one secret for the whole run.
process.env.E2E_NEXTAUTH_SECRET ||= randomBytes(32).toString("base64url");
// The audit chain's key: the server and the tests' own writes (factories) must use the same one.
process.env.AUDIT_HMAC_KEY ||= randomBytes(32).toString("base64url");

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/helpers/global-setup.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } } },
  ],
  webServer: [
    {
      // Recorded responses of doi.org, Crossref and PubMed on loopback: the app is pointed at it below.
      command: `npx tsx e2e/helpers/source-stub-server.ts`,
      url: `${E2E_STUB_URL}/links/ok`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(E2E_PORT) },
    },
    {
      command: `npx tsx e2e/helpers/prepare-db.ts && npx tsx scripts/db-deploy.ts && npx tsx prisma/seed.ts && npx tsx server.ts -H 127.0.0.1 -p ${E2E_PORT}`,
      url: `${E2E_BASE_URL}/signin`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        DATABASE_URL: E2E_DATABASE_URL,
        NEXTAUTH_URL: E2E_BASE_URL,
        NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET!,
        AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY!,
        IMPRIMATUR_E2E: "1",
        MEDIA_DIR: E2E_MEDIA_DIR,
        // The webhook spec's receiver listens on loopback; production refuses private addresses.
        WEBHOOKS_ALLOW_PRIVATE: "1",
        WEBHOOK_TICK_SECONDS: "1",
        DOI_BASE_URL: `${E2E_STUB_URL}/doi`,
        CROSSREF_API_URL: `${E2E_STUB_URL}/crossref`,
        PUBMED_CITATION_URL: `${E2E_STUB_URL}/pubmed`,
        SOURCES_ALLOW_PRIVATE: "1",
        // Seeded and test references point at real sites: never fetched in tests.
        SOURCE_LINK_CHECKS: "off",
        // Co-editing is tested against its own app and co-editing servers (e2e/co-editing.spec.ts), so that the
        // autosave and conflict tests here see the editor exactly as without a co-editing server.
        COLLAB_DISABLED: "1",
      },
    },
  ],
});
