// The project dictionary: words editors accept for the spelling rule (names, brand and drug names, house
// terms). Each change and its audit event commit together.
import { z } from "zod";
import type { Db } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";
import { AppError } from "../errors";
import { parseInput } from "../validation";

export const dictionaryWordInput = z.object({
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

export async function addDictionaryWord(db: Db, actorId: string, input: { word: string }) {
  const { word } = parseInput(dictionaryWordInput, input);
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

export async function removeDictionaryWord(db: Db, actorId: string, input: { word: string }) {
  const word = String(input.word ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .trim();
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
