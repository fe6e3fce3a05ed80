// End-to-end data: the shared test factory (tests/helpers/factory.ts) against the e2e server's database, with
// a real password on every person so the browser can sign in, plus sign-in and hydration helpers.
import type { Page } from "@playwright/test";
import {
  makeReviewer,
  makeUser,
  uniqueSuffix,
  type CredentialOptions,
  type TestUser,
  type UserOptions,
} from "../../tests/helpers/factory";
import { e2eDb } from "./db";

export { makeSession, uniqueSuffix, type TestUser } from "../../tests/helpers/factory";

/** A person who can sign in (unique e-mail, generated password); WRITER unless `roles` says otherwise. */
export function createTestUser(options: UserOptions = {}): Promise<TestUser> {
  return makeUser(e2eDb(), { password: `pw-${uniqueSuffix()}-long-enough`, ...options });
}

/** A reviewer who can sign in, with a verified credential valid for two years (or the given status/expiry). */
export function createReviewer(
  options: { credentialStatus?: CredentialOptions["status"]; expiresAt?: Date; postNominals?: string } = {},
) {
  return makeReviewer(e2eDb(), {
    password: `pw-${uniqueSuffix()}-long-enough`,
    expiresAt: new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000),
    ...options,
  });
}

export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">, landing = "/studio") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Wait for the navigation the sign-in causes (bounded by the test's own time), not for a 10 s assertion poll:
  // on a loaded machine, verifying the password hash and rendering the landing page took longer than that.
  await page.waitForURL(new RegExp(`${landing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\?|$)`), {
    waitUntil: "commit",
  });
  await waitForHydration(page);
}

/** Waits until React has hydrated the page (components/ui/hydration-marker.tsx), so typing is not overwritten. */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
