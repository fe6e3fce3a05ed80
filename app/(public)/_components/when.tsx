import { formatLongDate } from "@/lib/i18n/format";
import type { ReaderLocale } from "@/lib/i18n/locales";

/** A date readers see, in their language, with the machine-readable value alongside. */
export function When({ iso, locale = "en" }: { iso: string; locale?: ReaderLocale }) {
  return <time dateTime={iso}>{formatLongDate(iso, locale)}</time>;
}
