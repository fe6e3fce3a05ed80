import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeUser } from "../../tests/helpers/factory";
import { credentialInputSchema, saveCredential } from "./save-credential";
import { viaSchema } from "../../tests/helpers/via-schema";
import { decideCredential, decideCredentialSchema } from "./decide-credential";
import { bestCredential, credentialStanding } from "./credential-standing";
import { myCredentials } from "./list-credentials";
import { addSpecialty, listSpecialties } from "../assignments/specialties";

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

const ticked = async (credentialId: string) =>
  (
    await t.db.credentialSpecialty.findMany({
      where: { credentialId },
      select: { specialty: { select: { name: true } } },
    })
  ).map((x) => x.specialty.name);

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

  it("a credential's specialty is on the one list of specialties, once whatever its case, ticked on the credential", async () => {
    const name = `Dermatology ${Date.now()}`;
    const ana = await makeUser(t.db, { roles: ["REVIEWER"] });
    const c = await viaSchema(credentialInputSchema, form({ specialty: name }), (i) => saveCredential(t.db, ana, i));
    const listed = (await listSpecialties(t.db)).filter((s) => s.name === name);
    expect(listed).toHaveLength(1);
    expect(await ticked(c.id)).toEqual([name]);
    // Another reviewer naming it in other case and spacing gets the same entry, not a second one.
    const bo = await makeUser(t.db, { roles: ["REVIEWER"] });
    const c2 = await viaSchema(credentialInputSchema, form({ specialty: ` ${name.toUpperCase()} ` }), (i) =>
      saveCredential(t.db, bo, i),
    );
    expect((await listSpecialties(t.db)).filter((s) => s.name.toLowerCase() === name.toLowerCase())).toHaveLength(1);
    expect(await ticked(c2.id)).toEqual([name]);
    const added = await t.db.auditEvent.findMany({ where: { action: "specialty.added", entityId: listed[0].id } });
    expect(added.map((e) => e.actorId)).toEqual([ana.id]);
    // An admin adding it again by hand is told it is there already.
    const admin = await makeUser(t.db, { roles: ["ADMIN"] });
    await expect(addSpecialty(t.db, admin, { name: name.toLowerCase() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `“${name}” is already on the list.`,
    });
    // Once verified, a change makes a new credential: what was ticked carries over, the new specialty joins.
    await decideCredential(t.db, admin, { credentialId: c.id, decision: "VERIFY" });
    const c3 = await viaSchema(credentialInputSchema, form({ specialty: `Venereology ${Date.now()}` }), (i) =>
      saveCredential(t.db, ana, i),
    );
    expect(c3.id).not.toBe(c.id);
    expect((await ticked(c3.id)).sort()).toEqual([name, c3.specialty].sort());
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
