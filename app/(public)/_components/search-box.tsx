// The site search box of every readers' page: a plain GET form to /search (/es/search on Spanish pages: a
// search looks in the page's language), so it works without JavaScript. Two boxes can share a page (banner and
// the search page), so each search landmark gets its own name.
import { localizedPath, type ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";

export function SearchBox({
  query = "",
  id = "site-search",
  name,
  locale = "en",
}: {
  query?: string;
  id?: string;
  name?: string;
  locale?: ReaderLocale;
}) {
  const m = readerMessages(locale).search;
  return (
    <form
      role="search"
      aria-label={name ?? m.siteLandmark}
      action={localizedPath(locale, "/search")}
      method="get"
      className="pub-search"
    >
      <label htmlFor={id} className="visually-hidden">
        {m.label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={query}
        placeholder={m.placeholder}
        maxLength={200}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit">{m.button}</button>
    </form>
  );
}
