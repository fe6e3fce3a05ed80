// Creates a new article from pasted or uploaded HTML/Markdown: body, title and structured references in one
// transaction. Returns the importer's warnings so the writer sees what was dropped or guessed.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { assertCan, type Actor } from "../auth/policy";
import { createArticle } from "../articles/create-article";
import { htmlToDocument, MAX_IMPORT_BYTES, type ImportResult } from "./html-to-document";
import { markdownToDocument } from "./markdown-to-document";

export const importArticleSchema = z.object({
  format: z.enum(["html", "markdown", "auto"]).optional(),
  source: z.string({ error: "Paste the article or choose a file." }).min(1, "Paste the article or choose a file."),
  title: z.string().trim().max(200, "Titles can have at most 200 characters.").optional(),
  conditionName: z.string().trim().max(200, "At most 200 characters.").optional(),
});
export type ImportArticleInput = z.output<typeof importArticleSchema>;

/** HTML if it looks like markup (a tag at the start or block tags anywhere), Markdown otherwise. */
export function detectFormat(source: string): "html" | "markdown" {
  const head = source.trimStart().slice(0, 2000).toLowerCase();
  if (head.startsWith("<")) return "html";
  return /<(p|h[1-6]|ul|ol|li|div|article|body|br)\b[^>]*>/i.test(source.slice(0, 20_000)) ? "html" : "markdown";
}

export function convertSource(source: string, format: "html" | "markdown" | "auto" = "auto"): ImportResult {
  if (Buffer.byteLength(source, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, {
      fieldErrors: { source: ["The file is too large to import."] },
    });
  }
  const kind = format === "auto" ? detectFormat(source) : format;
  return kind === "html" ? htmlToDocument(source) : markdownToDocument(source);
}

export async function importArticle(db: Db, actor: Actor, input: ImportArticleInput) {
  assertCan(actor, "article.create", "create articles");
  const data = input;
  const result = convertSource(data.source, data.format ?? "auto");
  const title = data.title || result.title;
  if (title.length < 3) {
    throw new AppError("VALIDATION", "The imported text has no title (no <h1>, # heading or <title>). Enter one.", {
      fieldErrors: { title: ["Enter a title for the imported article."] },
    });
  }
  const article = await createArticle(
    db,
    actor,
    { title, conditionName: data.conditionName, template: "blank" },
    { body: result.doc, references: result.references, source: "import" },
  );
  return {
    article,
    warnings: result.warnings,
    referenceCount: result.references.length,
    images: result.images,
    summary: result.summary,
  };
}
