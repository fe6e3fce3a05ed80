// The reference corpus: outside texts editors import so that copying from them is found. Adding or removing
// a document and its fingerprints is one transaction, with its audit event.
import { z } from "zod";
import type { Db } from "../db/client";
import { recordAuditEvent } from "../audit/record-event";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { indexSource, removeSource } from "./fingerprint-index";
import { tokenize } from "./tokenize";

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
    .max(MAX_CORPUS_TEXT_CHARS, `The text is longer than ${MAX_CORPUS_TEXT_CHARS.toLocaleString("en")} characters; split it.`)
    .refine((v) => tokenize(v).words.length >= 10, "Paste at least a few sentences of text (10 words or more)."),
});
export type CorpusDocumentInput = z.input<typeof corpusDocumentInput>;

export async function addCorpusDocument(db: Db, actorId: string | null, input: CorpusDocumentInput, options: { audit?: boolean } = {}) {
  const data = parseInput(corpusDocumentInput, input);
  const wordCount = tokenize(data.text).words.length;
  return db.$transaction(async (tx) => {
    const doc = await tx.corpusDocument.create({ data: { title: data.title, url: data.url ?? null, text: data.text, wordCount, addedById: actorId } });
    await indexSource(tx, { kind: "CORPUS", sourceId: doc.id, text: doc.text });
    if (options.audit !== false)
      await recordAuditEvent(tx, { actorId, action: "corpus.added", entityType: "CorpusDocument", entityId: doc.id, data: { title: doc.title, url: doc.url, wordCount } });
    return doc;
  });
}

export async function deleteCorpusDocument(db: Db, actorId: string, id: string) {
  return db.$transaction(async (tx) => {
    const doc = await tx.corpusDocument.findUnique({ where: { id } });
    if (!doc) throw new AppError("NOT_FOUND", "That corpus document does not exist (it may have been removed already).");
    await removeSource(tx, "CORPUS", doc.id, doc.text);
    await tx.corpusDocument.delete({ where: { id } });
    await recordAuditEvent(tx, { actorId, action: "corpus.removed", entityType: "CorpusDocument", entityId: id, data: { title: doc.title } });
  });
}

export async function listCorpusDocuments(db: Db, options: { skip?: number; take?: number; query?: string } = {}) {
  const where = options.query ? { title: { contains: options.query } } : {};
  const [total, docs] = await Promise.all([
    db.corpusDocument.count({ where }),
    db.corpusDocument.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: options.skip ?? 0,
      take: options.take ?? 50,
      select: { id: true, title: true, url: true, wordCount: true, createdAt: true, addedBy: { select: { name: true } } },
    }),
  ]);
  return { total, docs };
}
