// Test data factories: each test makes its own people (unique e-mails), so tests never depend on each other.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { createUser } from "../../lib/users/manage-users";
import type { Role } from "../../lib/auth/roles";
import { e2eDb } from "./db";

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
  roles: Role[];
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export async function createTestUser(
  roles: Role[],
  options: { name?: string; status?: "ACTIVE" | "DISABLED" } = {},
): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const name = options.name ?? `${roles.map((r) => r[0] + r.slice(1).toLowerCase()).join("-") || "Person"} ${suffix}`;
  const email = `${roles.join("-").toLowerCase() || "person"}-${suffix}@e2e.example`;
  const password = `pw-${suffix}-long-enough`;
  const user = await createUser(e2eDb(), null, { name, email, password, roles });
  if (options.status === "DISABLED")
    await e2eDb().user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
  return { id: user.id, name, email, password, roles };
}

/** A reviewer with a verified credential that expires in two years (or with the given status/expiry). */
export async function createReviewer(
  options: { credentialStatus?: "VERIFIED" | "PENDING" | "REJECTED"; expiresAt?: Date; postNominals?: string } = {},
) {
  const user = await createTestUser(["REVIEWER"], { name: `Dr. Test Reviewer ${uniqueSuffix()}` });
  const status = options.credentialStatus ?? "VERIFIED";
  const credential = await e2eDb().credential.create({
    data: {
      userId: user.id,
      displayName: user.name,
      postNominals: options.postNominals ?? "M.D., FRCP",
      specialty: "Dermatology",
      licenseNumber: `GMC ${Math.floor(Math.random() * 9_000_000 + 1_000_000)}`,
      issuingBody: "General Medical Council",
      jurisdiction: "United Kingdom",
      expiresAt: options.expiresAt ?? new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000),
      status,
      verifiedAt: status === "VERIFIED" ? new Date() : null,
    },
  });
  return { user, credential };
}

export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">, landing = "/studio") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${landing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\?|$)`));
  await waitForHydration(page);
}

/** Waits until React has hydrated the page (components/ui/hydration-marker.tsx), so typing is not overwritten. */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
