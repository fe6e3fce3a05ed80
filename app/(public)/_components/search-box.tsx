// The site search box of every readers' page: a plain GET form to /search, so it works without JavaScript.
// Two boxes can share a page (banner and /search), so each search landmark gets its own name.
export function SearchBox({
  query = "",
  id = "site-search",
  name = "Site",
}: {
  query?: string;
  id?: string;
  name?: string;
}) {
  return (
    <form role="search" aria-label={name} action="/search" method="get" className="pub-search">
      <label htmlFor={id} className="visually-hidden">
        Search articles
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={query}
        placeholder="Search articles"
        maxLength={200}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit">Search</button>
    </form>
  );
}
