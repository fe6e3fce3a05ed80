import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import { credentialInputSchema, saveCredential } from "./save-credential";
import { viaSchema } from "../../tests/helpers/via-schema";
import { decideCredential, decideCredentialSchema } from "./decide-credential";
import { bestCredential, credentialStanding } from "./credential-standing";
import { myCredentials } from "./list-credentials";

const t = createTestDb();
afterAll(() => t.cleanup());

const future = new Date(Date.now() + 400 * 86400_000).toISOString().slice(0, 10);
const form = (over: Record<string, string> = {}) => ({
  displayName: "Dr. Ana Ortiz",
  postNominals: "M.D., FAAD",
  specialty: "Dermatology",
  licenseNumber: "MD-123",
  issuingBody: "Medical Board of California",
  jurisdiction: "California, US",
  expiresAt: future,
  ...over,
});

describe("credentials", () => {
  it("standing: verified & unexpired is the only VALID one", () => {
    const now = new Date("2026-01-01");
    expect(credentialStanding(null, now)).toBe("NONE");
    expect(credentialStanding({ status: "PENDING", expiresAt: new Date("2027-01-01") }, now)).toBe("PENDING");
    expect(credentialStanding({ status: "REJECTED", expiresAt: new Date("2027-01-01") }, now)).toBe("REJECTED");
    expect(credentialStanding({ status: "VERIFIED", expiresAt: new Date("2025-12-31") }, now)).toBe("EXPIRED");
    expect(credentialStanding({ status: "VERIFIED", expiresAt: new Date("2027-01-01") }, now)).toBe("VALID");
  });

  it("reviewer enters a credential, admin verifies it, the reviewer is told; a later change needs verifying again", async () => {
    const r = await makeUser(t.db, { roles: ["REVIEWER"] });
    const admin = await makeUser(t.db, { roles: ["ADMIN"], name: "Ada Admin" });
    await expect(
      viaSchema(credentialInputSchema, form({ postNominals: "", expiresAt: "2020-01-01" }), (i) =>
        saveCredential(t.db, r, i),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { postNominals: [expect.any(String)], expiresAt: [expect.stringMatching(/future/)] },
    });
    const c = await viaSchema(credentialInputSchema, form(), (i) => saveCredential(t.db, r, i));
    expect(c.status).toBe("PENDING");
    await expect(decideCredential(t.db, r, { credentialId: c.id, decision: "VERIFY" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await decideCredential(t.db, admin, { credentialId: c.id, decision: "VERIFY" });
    expect((await myCredentials(t.db, r.id)).standing).toBe("VALID");
    expect(await t.db.notification.count({ where: { userId: r.id, kind: "CREDENTIAL_VERIFIED" } })).toBe(1);
    await expect(decideCredential(t.db, admin, { credentialId: c.id, decision: "VERIFY" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    // Changing the post-nominals creates a new pending credential; the verified one still counts meanwhile.
    const c2 = await viaSchema(credentialInputSchema, form({ postNominals: "M.D., PhD" }), (i) =>
      saveCredential(t.db, r, i),
    );
    expect(c2.id).not.toBe(c.id);
    expect(c2.status).toBe("PENDING");
    const mine = await myCredentials(t.db, r.id);
    expect(mine.credential?.id).toBe(c.id);
    expect(mine.credentials).toHaveLength(2);
  });

  it("admin rejects with a reason; nobody verifies their own", async () => {
    const both = await makeUser(t.db, { roles: ["REVIEWER", "ADMIN"] });
    const dual = both;
    const c = await viaSchema(credentialInputSchema, form(), (i) => saveCredential(t.db, dual, i));
    await expect(decideCredential(t.db, dual, { credentialId: c.id, decision: "VERIFY" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    await expect(
      viaSchema(decideCredentialSchema, { credentialId: c.id, decision: "REJECT", reason: "" }, (i) =>
        decideCredential(t.db, admin, i),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await decideCredential(t.db, admin, {
      credentialId: c.id,
      decision: "REJECT",
      reason: "Licence number not found in the register.",
    });
    const { standing } = bestCredential(await t.db.credential.findMany({ where: { userId: both.id } }));
    expect(standing).toBe("REJECTED");
    expect(
      (await t.db.notification.findFirstOrThrow({ where: { userId: both.id, kind: "CREDENTIAL_REJECTED" } })).body,
    ).toMatch(/not found in the register/);
  });
});
