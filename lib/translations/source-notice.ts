// What a live translation's page says when its source has a newer live version than the one it was made from:
// "The English version was updated on …". The data is written at publish time (Article.liveSourceUpdatedAt, in
// the source's publish transaction; cleared when an up-to-date translation goes live); the admin policy
// "translations.sourceChangedNotice" decides whether the page shows it. Pure: the readers' page calls it with
// what it already loaded.
import { localeName } from "./locales";

export interface SourceUpdatedNotice {
  /** Locale of the source article ("en"): the page names the language ("The English version …"). */
  sourceLocale: string;
  sourceLanguage: string;
  /** When the newer source version went live. */
  updatedAt: Date;
}

export function sourceUpdatedNotice(
  article: { translationOfId: string | null; liveSourceUpdatedAt: Date | null },
  sourceLocale: string | null,
  policy: number,
): SourceUpdatedNotice | null {
  if (!article.translationOfId || !article.liveSourceUpdatedAt || !sourceLocale || policy !== 1) return null;
  return { sourceLocale, sourceLanguage: localeName(sourceLocale), updatedAt: article.liveSourceUpdatedAt };
}
