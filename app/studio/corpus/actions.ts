"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { action } from "@/app/_server/action";
import { addCorpusDocument, deleteCorpusDocument } from "@/lib/plagiarism/corpus";
import { CORPUS_EXTENSIONS, fileToText } from "@/lib/plagiarism/corpus-text";

const addSchema = z.object({
  title: z.string().default(""),
  url: z.string().default(""),
  text: z.string().default(""),
  file: z.unknown().optional(),
});

export const addCorpusDocumentAction = action(
  { name: "addCorpusDocument", permission: "corpus.manage", schema: addSchema },
  async (input, actor) => {
    let { title, text } = input;
    // An uploaded file replaces the pasted text; its title fills in when none was typed.
    if (input.file instanceof File && input.file.size > 0) {
      const name = input.file.name || "upload.txt";
      if (!CORPUS_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)))
        throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
          fieldErrors: { file: [`Upload a ${CORPUS_EXTENSIONS.join(", ")} file.`] },
        });
      const parsed = fileToText(name, await input.file.text());
      text = parsed.text;
      if (!title.trim()) title = parsed.title;
    }
    const doc = await addCorpusDocument(db, actor.id, { title, url: input.url, text });
    revalidatePath("/studio/corpus");
    return { id: doc.id, title: doc.title, wordCount: doc.wordCount };
  },
);

export const deleteCorpusDocumentAction = action(
  { name: "deleteCorpusDocument", permission: "corpus.manage", schema: z.object({ id: z.string().min(1) }) },
  async (input, actor) => {
    await deleteCorpusDocument(db, actor.id, input.id);
    revalidatePath("/studio/corpus");
    return { id: input.id };
  },
);
