// The project dictionary: words editors accept for the spelling rule (names, brand and drug names, house
// terms). Each change and its audit event commit together.
import { z } from "zod";
import type { Db } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";
import { AppError } from "../errors";
import type { Actor } from "../auth/policy";

export const addDictionaryWordSchema = z.object({
  word: z
    .string()
    .trim()
    .min(2, "Enter a word of at least 2 letters.")
    .max(60, "Words are at most 60 characters.")
    .regex(
      /^[\p{L}][\p{L}\p{M}'’-]*$/u,
      "Enter one word: letters, with apostrophes or hyphens inside (no spaces or digits).",
    )
    .transform((w) => w.normalize("NFKC").toLowerCase()),
});

export type AddDictionaryWordInput = z.output<typeof addDictionaryWordSchema>;

/** Removing takes the word as listed, in any case: it is matched as the spelling rule stores it. */
export const removeDictionaryWordSchema = z.object({
  word: z
    .string()
    .trim()
    .min(1, "Name the word to remove.")
    .transform((w) => w.normalize("NFKC").toLowerCase()),
});
export type RemoveDictionaryWordInput = z.output<typeof removeDictionaryWordSchema>;

export async function addDictionaryWord(db: Db, actor: Actor, { word }: AddDictionaryWordInput) {
  const actorId = actor.id;
  return db.$transaction(async (tx) => {
    const existing = await tx.dictionaryWord.findUnique({ where: { word } });
    if (existing)
      throw new AppError("CONFLICT", `“${word}” is already in the project dictionary.`, {
        fieldErrors: { word: [`“${word}” is already in the project dictionary.`] },
      });
    const row = await tx.dictionaryWord.create({ data: { word, addedById: actorId } });
    await recordAuditEvent(tx, {
      actorId,
      action: "dictionary.word_added",
      entityType: "DictionaryWord",
      entityId: word,
      data: { word },
    });
    return row;
  });
}

export async function removeDictionaryWord(db: Db, actor: Actor, { word }: RemoveDictionaryWordInput) {
  const actorId = actor.id;
  return db.$transaction(async (tx) => {
    const existing = await tx.dictionaryWord.findUnique({ where: { word } });
    if (!existing) throw new AppError("NOT_FOUND", `“${word}” is not in the project dictionary.`);
    await tx.dictionaryWord.delete({ where: { word } });
    await recordAuditEvent(tx, {
      actorId,
      action: "dictionary.word_removed",
      entityType: "DictionaryWord",
      entityId: word,
      data: { word },
    });
  });
}

export async function listDictionaryWords(db: Db) {
  return db.dictionaryWord.findMany({
    orderBy: { word: "asc" },
    select: { word: true, createdAt: true, addedBy: { select: { name: true } } },
  });
}
