// The reference corpus: outside texts editors import so that copying from them is found. Adding or removing
// a document and its fingerprints is one transaction, with its audit event.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { indexNewSources, indexSource, removeSource } from "./fingerprint-index";
import { tokenize } from "./tokenize";
import { dialectFor } from "../db/dialects/dialect";

export const MAX_CORPUS_TEXT_CHARS = 2_000_000;

export const corpusDocumentInput = z.object({
  title: z.string().trim().min(1, "Give the source a title.").max(300, "Keep the title under 300 characters."),
  url: z
    .string()
    .trim()
    .max(2048, "That address is too long.")
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "The address must start with http:// or https://.")
    .optional()
    .transform((v) => (v ? v : null)),
  text: z
    .string()
    .max(
      MAX_CORPUS_TEXT_CHARS,
      `The text is longer than ${MAX_CORPUS_TEXT_CHARS.toLocaleString("en")} characters; split it.`,
    )
    .refine((v) => tokenize(v).words.length >= 10, "Paste at least a few sentences of text (10 words or more)."),
});
export type CorpusDocumentInput = z.input<typeof corpusDocumentInput>;

export async function addCorpusDocument(
  db: Db,
  actorId: string | null,
  input: CorpusDocumentInput,
  options: { audit?: boolean } = {},
) {
  const data = parseInput(corpusDocumentInput, input);
  const wordCount = tokenize(data.text).words.length;
  return db.$transaction(async (tx) => {
    const doc = await tx.corpusDocument.create({
      data: { title: data.title, url: data.url ?? null, text: data.text, wordCount, addedById: actorId },
    });
    await indexSource(tx, { kind: "CORPUS", sourceId: doc.id, text: doc.text });
    if (options.audit !== false)
      await recordAuditEvent(tx, {
        actorId,
        action: "corpus.added",
        entityType: "CorpusDocument",
        entityId: doc.id,
        data: { title: doc.title, url: doc.url, wordCount },
      });
    return doc;
  });
}

/** Documents per transaction in a bulk import: one commit (one disk sync) per batch instead of per file. */
export const IMPORT_BATCH_SIZE = 100;

/**
 * Adds many documents (the corpus:import script, the bench). Each batch is one transaction holding its
 * documents, their fingerprints and one audit event listing them; a failed batch leaves earlier ones in.
 * Input is validated up front, so a bad file is reported before anything is written.
 */
export async function importCorpusDocuments(
  db: Db,
  actorId: string | null,
  inputs: CorpusDocumentInput[],
  options: { audit?: boolean; onProgress?: (done: number) => void } = {},
): Promise<string[]> {
  const parsed = inputs.map((input, i) => {
    try {
      return parseInput(corpusDocumentInput, input);
    } catch (err) {
      if (err instanceof AppError)
        throw new AppError(
          err.code,
          `Document ${i + 1} (“${String(input.title).slice(0, 80)}”): ${
            Object.values(err.fieldErrors ?? {})
              .flat()
              .join(" ") || err.message
          }`,
          { fieldErrors: err.fieldErrors },
        );
      throw err;
    }
  });
  const ids: string[] = [];
  await dialectFor(db).tuneForLargeIndexes(db);
  for (let i = 0; i < parsed.length; i += IMPORT_BATCH_SIZE) {
    const batch = parsed.slice(i, i + IMPORT_BATCH_SIZE);
    const batchIds = await db.$transaction(
      async (tx) => {
        const tokens = batch.map((d) => tokenize(d.text));
        // Ids chosen here (the column's cuid default is only a default) so each text stays tied to its
        // row without relying on the order of RETURNING rows, which SQLite does not promise.
        const out = batch.map(() => randomUUID());
        await tx.corpusDocument.createMany({
          data: batch.map((d, n) => ({
            id: out[n],
            title: d.title,
            url: d.url ?? null,
            text: d.text,
            wordCount: tokens[n].words.length,
            addedById: actorId,
          })),
        });
        await indexNewSources(
          tx,
          batch.map((d, n) => ({ kind: "CORPUS" as const, sourceId: out[n], text: d.text, tokens: tokens[n] })),
        );
        if (options.audit !== false)
          await recordAuditEvent(tx, {
            actorId,
            action: "corpus.imported",
            entityType: "CorpusDocument",
            entityId: out[0],
            data: { count: out.length, ids: out },
          });
        return out;
      },
      { timeout: 120_000 },
    );
    ids.push(...batchIds);
    options.onProgress?.(ids.length);
  }
  return ids;
}

export async function deleteCorpusDocument(db: Db, actorId: string, id: string) {
  return db.$transaction(async (tx) => {
    const doc = await tx.corpusDocument.findUnique({ where: { id } });
    if (!doc)
      throw new AppError("NOT_FOUND", "That corpus document does not exist (it may have been removed already).");
    await removeSource(tx, "CORPUS", doc.id, doc.text);
    await tx.corpusDocument.delete({ where: { id } });
    await recordAuditEvent(tx, {
      actorId,
      action: "corpus.removed",
      entityType: "CorpusDocument",
      entityId: id,
      data: { title: doc.title },
    });
  });
}

export async function listCorpusDocuments(db: Db, options: { skip?: number; take?: number; query?: string } = {}) {
  const where = options.query ? { title: dialectFor(db).containsIgnoringCase(options.query) } : {};
  const [total, docs] = await Promise.all([
    db.corpusDocument.count({ where }),
    db.corpusDocument.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: options.skip ?? 0,
      take: options.take ?? 50,
      select: {
        id: true,
        title: true,
        url: true,
        wordCount: true,
        createdAt: true,
        addedBy: { select: { name: true } },
      },
    }),
  ]);
  return { total, docs };
}
