// The one list of clinical specialties: admins add to it, a reviewer's credential adds the specialty it names
// (so "Dermatology" on a credential is on the list editors and the auto-assign rule choose from), and a reviewer
// ticks their own on their credential.
import { z } from "zod";
import type { Db, DbTx } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";

export async function listSpecialties(db: DbTx) {
  return db.specialty.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export const addSpecialtySchema = z.object({
  name: z
    .string({ error: "Enter the specialty's name." })
    .trim()
    .min(2, "Enter the specialty's name (at least 2 characters).")
    .max(80, "Keep the name under 80 characters."),
});
export type AddSpecialtyInput = z.output<typeof addSpecialtySchema>;

/** The list's entry of this name, compared without case or surrounding spaces ("dermatology " is Dermatology). */
async function findSpecialty(tx: DbTx, name: string) {
  const wanted = name.trim().toLocaleLowerCase("en");
  // The list is short (tens of entries): comparing here keeps the rule the same on SQLite and PostgreSQL.
  const all = await tx.specialty.findMany({ select: { id: true, name: true } });
  return all.find((s) => s.name.trim().toLocaleLowerCase("en") === wanted) ?? null;
}

/**
 * Puts the specialty a credential names on the list (added, and audited, when it is not there yet) and ticks it
 * on that credential. Called inside the credential's own transaction.
 */
export async function linkCredentialSpecialty(tx: DbTx, actorId: string | null, credentialId: string, name: string) {
  let specialty = await findSpecialty(tx, name);
  if (!specialty) {
    specialty = await tx.specialty.create({ data: { name: name.trim() }, select: { id: true, name: true } });
    await recordAuditEvent(tx, {
      actorId,
      action: "specialty.added",
      entityType: "Specialty",
      entityId: specialty.id,
      data: { name: specialty.name, from: "credential" },
    });
  }
  await tx.credentialSpecialty.upsert({
    where: { credentialId_specialtyId: { credentialId, specialtyId: specialty.id } },
    create: { credentialId, specialtyId: specialty.id },
    update: {},
  });
  return specialty;
}

export async function addSpecialty(db: Db, actor: Actor, input: AddSpecialtyInput) {
  assertCan(actor, "settings.manage", "change the list of specialties");
  return db.$transaction(async (tx) => {
    const existing = await findSpecialty(tx, input.name);
    if (existing)
      throw new AppError("CONFLICT", `“${existing.name}” is already on the list.`, {
        fieldErrors: { name: [`“${existing.name}” is already on the list.`] },
      });
    const specialty = await tx.specialty.create({ data: { name: input.name } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "specialty.added",
      entityType: "Specialty",
      entityId: specialty.id,
      data: { name: specialty.name },
    });
    return specialty;
  });
}

export const setCredentialSpecialtiesSchema = z.object({
  specialtyIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))])
    .pipe(z.array(z.string()).max(10, "Choose at most ten specialties.")),
});
export type SetCredentialSpecialtiesInput = z.output<typeof setCredentialSpecialtiesSchema>;

/** A reviewer states their specialties on their latest credential (they count once an admin verifies it). */
export async function setCredentialSpecialties(db: Db, actor: Actor, input: SetCredentialSpecialtiesInput) {
  assertCan(actor, "credential.manage.own", "change your specialties");
  return db.$transaction(async (tx) => {
    const credential = await tx.credential.findFirst({
      where: { userId: actor.id },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!credential) throw new AppError("CONFLICT", "Enter your credential first, then your specialties.");
    const known = await tx.specialty.count({ where: { id: { in: input.specialtyIds } } });
    if (known !== input.specialtyIds.length)
      throw new AppError("VALIDATION", "Choose specialties from the list.", {
        fieldErrors: { specialtyIds: ["Choose specialties from the list."] },
      });
    await tx.credentialSpecialty.deleteMany({ where: { credentialId: credential.id } });
    if (input.specialtyIds.length)
      await tx.credentialSpecialty.createMany({
        data: input.specialtyIds.map((specialtyId) => ({ credentialId: credential.id, specialtyId })),
      });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "credential.specialties_changed",
      entityType: "Credential",
      entityId: credential.id,
      data: { specialtyIds: input.specialtyIds },
    });
  });
}
