// A writer or reviewer declares their interests. A declaration is never edited: the new one supersedes the one
// in force (its supersededAt is set in the same transaction), so the history stays and "what was declared at
// the time" can always be answered.
import { z } from "zod";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { recordAuditEvent } from "../audit/record-event";
import { INTEREST_KINDS, mayDeclare } from "./declaration-kinds";
import { changeWhatReadersSeeOnProfiles, type ChangesWhatReadersSee } from "../public/reader-change";

export const saveDeclarationSchema = z
  .object({
    none: z.boolean(),
    kinds: z.array(z.enum(INTEREST_KINDS)).default([]),
    statement: z.string().trim().max(4000, "Keep the statement under 4000 characters.").default(""),
    organisations: z
      .array(z.string().trim().max(200, "Keep each organisation's name under 200 characters."))
      .max(30, "Name at most 30 organisations.")
      .default([]),
  })
  .transform((v) => ({ ...v, organisations: [...new Set(v.organisations.filter((o) => o.length > 0))] }))
  .superRefine((v, ctx) => {
    if (v.none) return;
    if (!v.kinds.length)
      ctx.addIssue({
        code: "custom",
        path: ["kinds"],
        message: "Tick the kinds of interest you declare, or choose “I have nothing to declare”.",
      });
    if (v.statement.length < 10)
      ctx.addIssue({
        code: "custom",
        path: ["statement"],
        message: "Describe each interest (at least 10 characters): readers see this on your profile.",
      });
  });
export type SaveDeclarationInput = z.output<typeof saveDeclarationSchema>;

/** The form's fields (radio "none" = yes/no, repeated "kinds", organisations one per line) → the schema. */
export const declarationFormSchema = z.preprocess((raw) => {
  const v = (raw ?? {}) as Record<string, unknown>;
  const list = (x: unknown) => (Array.isArray(x) ? x : x === undefined || x === "" ? [] : [x]).map(String);
  return {
    none: v.none === "yes" || v.none === true,
    kinds: list(v.kinds),
    statement: typeof v.statement === "string" ? v.statement : "",
    organisations: Array.isArray(v.organisations)
      ? v.organisations.map(String)
      : String(v.organisations ?? "").split(/\r?\n/),
  };
}, saveDeclarationSchema);

/** Saves a new declaration; the person's public profiles list it, so readers' pages are expired too. */
export async function saveDeclaration(
  db: Db,
  actor: Actor,
  input: SaveDeclarationInput,
  now: Date = new Date(),
): Promise<{ declaration: Awaited<ReturnType<Db["declaration"]["create"]>> } & ChangesWhatReadersSee> {
  assertCan(actor, "declarations.own", "declare your interests");
  if (!mayDeclare(actor))
    throw new AppError("FORBIDDEN", "Declarations of interest are kept by writers, reviewers and editors.");
  const kinds = input.none ? "NONE" : input.kinds.join(",");
  return db.$transaction(async (tx) => {
    const previous = await tx.declaration.findFirst({
      where: { userId: actor.id, supersededAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (previous) await tx.declaration.update({ where: { id: previous.id }, data: { supersededAt: now } });
    const declaration = await tx.declaration.create({
      data: {
        userId: actor.id,
        kinds,
        statement: input.statement,
        organisationsJson: JSON.stringify(input.none ? [] : input.organisations),
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "declaration.saved",
      entityType: "User",
      entityId: actor.id,
      data: {
        declarationId: declaration.id,
        supersedes: previous?.id ?? null,
        kinds,
        organisations: input.none ? [] : input.organisations,
      },
    });
    // The profile pages (reviewer, writer) show the current declaration; articles keep what was published.
    return { declaration, readerChange: await changeWhatReadersSeeOnProfiles(tx, actor.id) };
  });
}
