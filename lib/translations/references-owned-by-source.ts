// A translation cites the same sources as its original, under the same keys and numbers: the reference list is
// the source's. The translation keeps a copy (so every existing path — freeze, gate, checks, rendering — reads
// its own rows), synced when it is started and when it is brought up to date; it is never edited on its own.
import type { DbTx } from "../db/client";
import { AppError } from "../errors";
import { localeName } from "./locales";

export async function assertReferencesEditable(tx: DbTx, articleId: string): Promise<void> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { translationOf: { select: { locale: true } } },
  });
  if (article?.translationOf)
    throw new AppError(
      "CONFLICT",
      `A translation uses the ${localeName(article.translationOf.locale)} article's references, with their original titles: change them there, then bring this translation up to date.`,
    );
}
