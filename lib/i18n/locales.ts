// The languages the readers' pages are written in (each has a message catalogue in ./messages-<code>.ts). Which
// of them a site publishes in is the site's setting (the translations work); this list is what the chrome can
// speak. English is the default: its pages keep their addresses without a prefix (/articles/<slug>); every
// other language lives under /<code>/ (/es/articles/<slug>).
export const READER_LOCALES = ["en", "es"] as const;
export type ReaderLocale = (typeof READER_LOCALES)[number];
export const DEFAULT_READER_LOCALE: ReaderLocale = "en";

export function isReaderLocale(value: unknown): value is ReaderLocale {
  return typeof value === "string" && (READER_LOCALES as readonly string[]).includes(value);
}

/** A stored locale code as a locale the chrome speaks (an unknown one reads as the default). */
export function toReaderLocale(value: string | null | undefined): ReaderLocale {
  return isReaderLocale(value) ? value : DEFAULT_READER_LOCALE;
}

/** The path prefix of a locale's pages: "" for the default, "/es" for Spanish. */
export function localePrefix(locale: ReaderLocale): string {
  return locale === DEFAULT_READER_LOCALE ? "" : `/${locale}`;
}

/** A readers' path in a locale: localizedPath("es", "/search") → "/es/search"; "/" → "/es". */
export function localizedPath(locale: ReaderLocale, path: string): string {
  const prefix = localePrefix(locale);
  if (!prefix) return path;
  return path === "/" ? prefix : prefix + path;
}

/** The locale a readers' path is in, from its first segment ("/es/articles/x" → "es"; "/articles/x" → "en"). */
export function localeOfPath(pathname: string): ReaderLocale {
  const first = pathname.split("/")[1] ?? "";
  return first !== DEFAULT_READER_LOCALE && isReaderLocale(first) ? first : DEFAULT_READER_LOCALE;
}
