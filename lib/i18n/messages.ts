// The readers' chrome in each language: a small typed catalogue per locale (messages-en.ts, messages-es.ts),
// not an i18n framework. The pages are rendered on the server and stored whole, with no client runtime, so a
// framework's strengths (loading catalogues in the browser, ICU plural syntax at run time, React context) buy
// nothing here; TypeScript checks that every locale has every message, and a message that needs a number or a
// name is a function. Article text is never here: it is the article's own (each translation is an article).
import { EN } from "./messages-en";
import { ES } from "./messages-es";
import type { ReaderLocale } from "./locales";
import type { ReaderMessages } from "./reader-messages";

export type { ReaderMessages } from "./reader-messages";

const CATALOGUES: Record<ReaderLocale, ReaderMessages> = { en: EN, es: ES };

export function readerMessages(locale: ReaderLocale): ReaderMessages {
  return CATALOGUES[locale];
}
