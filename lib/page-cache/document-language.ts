// <html lang> of a readers' page in a language other than the default. The root layout (app/layout.tsx) is one
// component shared by every page and cannot see which page it wraps without reading the request, which would
// make every readers' page dynamic; Next has no per-page <html> attribute short of splitting the whole app into
// several root layouts. So the root layout writes the default language, every readers' page of another language
// marks its own frame with lang="…" (app/(public)/_components/public-frame.tsx), and the server sets the
// document's language from the address (/es/… is Spanish) in the same pass that takes Next's runtime out of
// readers' HTML (./send-rendered-page.ts readersBody): once per stored page, nothing per cached request. The root
// layout's skip link is put into the same language.
import { DEFAULT_READER_LOCALE, localeOfPath } from "../i18n/locales";
import { readerMessages } from "../i18n/messages";

const ROOT_HTML = `<html lang="${DEFAULT_READER_LOCALE}"`;
const ROOT_SKIP_LINK = `>${readerMessages(DEFAULT_READER_LOCALE).skipToContent}</a>`;

/** The page's HTML with <html lang> (and the skip link) in the language of its address. */
export function setDocumentLanguage(html: string, pathname: string): string {
  const locale = localeOfPath(pathname);
  if (locale === DEFAULT_READER_LOCALE || !html.startsWith("<!DOCTYPE html>")) return html;
  const at = html.indexOf(ROOT_HTML);
  if (at < 0 || at > 64) return html;
  const withLang = html.slice(0, at) + `<html lang="${locale}"` + html.slice(at + ROOT_HTML.length);
  return withLang.replace(ROOT_SKIP_LINK, `>${readerMessages(locale).skipToContent}</a>`);
}
