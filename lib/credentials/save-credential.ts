// A reviewer enters or updates their credential. Any change needs a new verification by an admin: the row
// goes back to PENDING (approvals already given keep their snapshot, so what was true then stays shown).
import { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { linkCredentialSpecialty } from "../assignments/specialties";
import { KNOWN_LOCALE_CODES, parseLanguages } from "../translations/locales";

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

export const credentialInputSchema = z.object({
  displayName: text("Display name", 120),
  postNominals: text("Post-nominals", 120),
  specialty: text("Specialty", 120),
  licenseNumber: text("Licence or registration number", 80),
  issuingBody: text("Issuing body", 160),
  jurisdiction: text("Jurisdiction", 120),
  expiresAt: z
    .string({ error: "Expiry date is required." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the expiry date as YYYY-MM-DD.")
    .transform((s) => new Date(`${s}T23:59:59.999Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "Enter a real date.")
    .refine((d) => d.getTime() > Date.now(), "The expiry date must be in the future."),
  // The languages the reviewer may review in: approving an article needs its language here. The form sends an
  // empty value beside its checkboxes, so ticking none is an error rather than "unchanged"; callers that send
  // nothing keep the credential's languages (English for a new one).
  languages: z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).filter((x) => x !== "")),
    z
      .array(z.enum(KNOWN_LOCALE_CODES as [string, ...string[]], "Choose among the listed languages."))
      .min(1, "Tick at least one language you review in.")
      .optional(),
  ),
});
export type CredentialInput = z.output<typeof credentialInputSchema>;

const FIELDS = [
  "languages",
  "displayName",
  "postNominals",
  "specialty",
  "licenseNumber",
  "issuingBody",
  "jurisdiction",
  "expiresAt",
] as const;

/** Creates the reviewer's credential, or updates their latest one (back to PENDING if anything changed). */
export async function saveCredential(db: Db, actor: Actor, input: CredentialInput) {
  assertCan(actor, "credential.manage.own", "manage a reviewer credential");
  return db.$transaction(async (tx) => {
    const latest = await tx.credential.findFirst({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
    const languages = input.languages
      ? KNOWN_LOCALE_CODES.filter((c) => input.languages!.includes(c))
      : latest
        ? parseLanguages(latest.languages)
        : ["en"];
    const data = { ...input, languages: JSON.stringify(languages) };
    if (latest) {
      const changed = FIELDS.filter((f) =>
        f === "expiresAt" ? latest.expiresAt.getTime() !== data.expiresAt.getTime() : latest[f] !== data[f],
      );
      if (changed.length === 0) return latest;
      // A verified credential stays as it was (approvals point at it); the change becomes a new one to verify.
      if (latest.status === "VERIFIED") {
        const created = await tx.credential.create({ data: { userId: actor.id, ...data } });
        // The specialties the reviewer ticked carry over to the credential that replaces this one.
        const ticked = await tx.credentialSpecialty.findMany({
          where: { credentialId: latest.id },
          select: { specialtyId: true },
        });
        if (ticked.length)
          await tx.credentialSpecialty.createMany({
            data: ticked.map((t) => ({ credentialId: created.id, specialtyId: t.specialtyId })),
          });
        await linkCredentialSpecialty(tx, actor.id, created.id, data.specialty);
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: "credential.submitted",
          entityType: "Credential",
          entityId: created.id,
          data: { replaces: latest.id, changed },
        });
        return created;
      }
      const updated = await tx.credential.update({
        where: { id: latest.id },
        data: { ...data, status: "PENDING", rejectionReason: null, verifiedAt: null, verifiedById: null },
      });
      if (changed.includes("specialty")) await linkCredentialSpecialty(tx, actor.id, updated.id, data.specialty);
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "credential.updated",
        entityType: "Credential",
        entityId: updated.id,
        data: { changed },
      });
      return updated;
    }
    const created = await tx.credential.create({ data: { userId: actor.id, ...data } });
    await linkCredentialSpecialty(tx, actor.id, created.id, data.specialty);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "credential.submitted",
      entityType: "Credential",
      entityId: created.id,
      data: {},
    });
    return created;
  });
}
