// The readers' address of an article in its language: /articles/<slug> in the default locale, /<locale>/articles/
// <slug> otherwise (lib/i18n/locales.ts owns the prefixes).
import { articlePath } from "../public/site";
import { localizedPath, toReaderLocale } from "../i18n/locales";

export function translationPath(article: { locale: string; slug: string }): string {
  return localizedPath(toReaderLocale(article.locale), articlePath(article.slug));
}
