// Dates and numbers as readers of each language write them ("August 28, 2023", "28 de agosto de 2023"). Dates
// are always in UTC so that a stored page does not depend on the server's time zone. One Intl formatter per
// locale, made on first use.
import { DEFAULT_READER_LOCALE, type ReaderLocale } from "./locales";

/** The Intl locale of each readers' locale (English pages keep the US form they always had). */
const INTL_LOCALE: Record<ReaderLocale, string> = { en: "en-US", es: "es" };

const longDates = new Map<ReaderLocale, Intl.DateTimeFormat>();
const numbers = new Map<ReaderLocale, Intl.NumberFormat>();

export function formatLongDate(iso: string | Date, locale: ReaderLocale = DEFAULT_READER_LOCALE): string {
  let f = longDates.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: "UTC" });
    longDates.set(locale, f);
  }
  return f.format(typeof iso === "string" ? new Date(iso) : iso);
}

export function formatNumber(n: number, locale: ReaderLocale = DEFAULT_READER_LOCALE): string {
  let f = numbers.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale]);
    numbers.set(locale, f);
  }
  return f.format(n);
}

/** The BCP 47 tag of a locale for `lang`, `hreflang` and RSS `<language>`. */
export function languageTag(locale: ReaderLocale): string {
  return locale;
}
