import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import { createUser } from "../users/create-user";
import { setUserRoles } from "../users/set-user-roles";
import type { Role } from "../auth/roles";
import { credentialInputSchema, saveCredential } from "./save-credential";
import { parseInput } from "../validation";
import { decideCredential } from "./decide-credential";
import { adminAccessFromOwner, GRANT_COOLING_OFF_MS } from "./verifier-independence";

const t = createTestDb();
afterAll(() => t.cleanup());

const as = (u: { id: string; name: string; email: string }, roles: string[]) => ({ ...u, status: "ACTIVE", roles });
const future = new Date(Date.now() + 400 * 86400_000).toISOString().slice(0, 10);
const credentialForm = {
  displayName: "Dr. Owner Admin",
  postNominals: "M.D.",
  specialty: "Dermatology",
  licenseNumber: "MD-9",
  issuingBody: "Medical Board",
  jurisdiction: "UK",
  expiresAt: future,
};
let n = 0;
const newPerson = (roles: Role[]) => ({
  name: `Person ${++n}`,
  email: `person-${n}-${Date.now()}@test.local`,
  password: "a-long-enough-password",
  roles,
});

describe("an admin cannot verify their own credential through an admin account they just made", () => {
  it("refuses the new admin, directly or through a chain, and accepts an independent admin", async () => {
    const owner = await makeUser(t.db, { roles: ["ADMIN", "REVIEWER"], name: "Owner Admin" });
    const credential = await saveCredential(t.db, owner, parseInput(credentialInputSchema, credentialForm));

    const puppet = await createUser(t.db, owner, newPerson(["ADMIN"]));
    const puppetActor = as(puppet, ["ADMIN"]);
    await expect(
      decideCredential(t.db, puppetActor, { credentialId: credential.id, decision: "VERIFY" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Another admin must decide/) });

    // Through a chain: the owner's new admin makes another admin.
    const second = await createUser(t.db, puppetActor, newPerson(["ADMIN"]));
    await expect(
      decideCredential(t.db, as(second, ["ADMIN"]), { credentialId: credential.id, decision: "VERIFY" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Promoting an existing account counts as well.
    const promoted = await createUser(t.db, null, newPerson(["EDITOR"]));
    await setUserRoles(t.db, owner, { userId: promoted.id, roles: ["EDITOR", "ADMIN"] });
    expect(await adminAccessFromOwner(t.db, promoted.id, owner.id)).toBe(true);

    const independent = await makeUser(t.db, { roles: ["ADMIN"], name: "Independent Admin" });
    const verified = await decideCredential(t.db, independent, { credentialId: credential.id, decision: "VERIFY" });
    expect(verified.status).toBe("VERIFIED");
  });

  it("the grant stops counting after 24 hours", async () => {
    const owner = await makeUser(t.db, { roles: ["ADMIN"] });
    const made = await createUser(t.db, owner, newPerson(["ADMIN"]));
    expect(await adminAccessFromOwner(t.db, made.id, owner.id)).toBe(true);
    const later = new Date(Date.now() + GRANT_COOLING_OFF_MS + 60_000);
    expect(await adminAccessFromOwner(t.db, made.id, owner.id, later)).toBe(false);
    // Making someone a writer gives no admin access to worry about.
    const writer = await createUser(t.db, owner, newPerson(["WRITER"]));
    expect(await adminAccessFromOwner(t.db, writer.id, owner.id)).toBe(false);
  });
});
