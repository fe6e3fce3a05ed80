// Bulk import (publishers arrive with hundreds of pages): each file becomes its own article through
// importArticle (its own transaction), so one bad file is reported and skipped without undoing the others.
import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { isAppError } from "../errors";
import { importArticle } from "./import-article";
import { describeImport } from "./describe-import";

export interface ImportFile {
  name: string;
  source: string;
}

export type ImportOutcome =
  | {
      name: string;
      ok: true;
      articleId: string;
      slug: string;
      referenceCount: number;
      /** What was done with the page's sources, in sentences (describeImport). */
      summary: string[];
      warnings: string[];
    }
  | { name: string; ok: false; error: string };

function formatFor(name: string): "html" | "markdown" | "auto" {
  if (/\.html?$/i.test(name)) return "html";
  if (/\.(md|markdown)$/i.test(name)) return "markdown";
  return "auto";
}

export async function importMany(
  db: Db,
  actor: Actor,
  files: ImportFile[],
  onProgress?: (outcome: ImportOutcome, index: number) => void,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [index, file] of files.entries()) {
    let outcome: ImportOutcome;
    try {
      const r = await importArticle(db, actor, { source: file.source, format: formatFor(file.name) });
      outcome = {
        name: file.name,
        ok: true,
        articleId: r.article.id,
        slug: r.article.slug,
        referenceCount: r.referenceCount,
        summary: describeImport(r.summary),
        warnings: r.warnings,
      };
    } catch (err) {
      if (!isAppError(err)) throw err; // a bug or a database failure: stop rather than report it per file
      outcome = { name: file.name, ok: false, error: err.message };
    }
    outcomes.push(outcome);
    onProgress?.(outcome, index);
  }
  return outcomes;
}
