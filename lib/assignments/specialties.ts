// The editable list of clinical specialties (admins), and a reviewer's own specialties on their credential.
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

export async function addSpecialty(db: Db, actor: Actor, input: AddSpecialtyInput) {
  assertCan(actor, "settings.manage", "change the list of specialties");
  return db.$transaction(async (tx) => {
    const existing = await tx.specialty.findFirst({ where: { name: input.name } });
    if (existing)
      throw new AppError("CONFLICT", `“${input.name}” is already on the list.`, {
        fieldErrors: { name: [`“${input.name}” is already on the list.`] },
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
