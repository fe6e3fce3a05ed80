// Readers' site search in one language, rendered on the server (works without JavaScript): /search searches the
// default language's articles, /es/search the Spanish ones (lib/search). Every piece of text is rendered as
// text, matches as <mark>.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { formatNumber } from "@/lib/i18n/format";
import { localizedPath, type ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";
import { SEARCH_MAX_PAGE, searchArticles } from "@/lib/search/search-articles";
import { articlePath } from "@/lib/public/site";
import { SearchBox } from "../_components/search-box";
import { MarkedText } from "../_components/marked-text";
import { When } from "../_components/when";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function searchMetadata(searchParams: SearchParams, locale: ReaderLocale): Promise<Metadata> {
  const q = (await searchParams).q;
  const query = (Array.isArray(q) ? q[0] : q)?.trim();
  const m = readerMessages(locale).search;
  // Result pages are not for search engines to index; the A–Z list is.
  return { title: query ? m.metaTitle(query.slice(0, 60)) : m.title, robots: { index: false, follow: true } };
}

export async function SearchView({ searchParams, locale }: { searchParams: SearchParams; locale: ReaderLocale }) {
  const result = await searchArticles(db, await searchParams, locale);
  const { query, total, page, pageSize, hits, corrections } = result;
  const pages = Math.min(SEARCH_MAX_PAGE, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const pageHref = (n: number) =>
    `${localizedPath(locale, "/search")}?${new URLSearchParams({ q: query, ...(n > 1 ? { page: String(n) } : {}) })}`;
  const readAs = Object.entries(corrections).filter(([, near]) => near.length > 0);
  const m = readerMessages(locale).search;
  const n = (v: number) => formatNumber(v, locale);
  const conditionsLink = (
    <Link href={localizedPath(locale, "/conditions")} prefetch={false}>
      {m.browseConditions}
    </Link>
  );

  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <h1 className="pub-page-title">{m.title}</h1>
      <SearchBox query={query} id="search-page-box" name={m.againLandmark} locale={locale} />
      {!query ? (
        <p className="pub-empty">
          {m.emptyPrompt} {conditionsLink}.
        </p>
      ) : total === 0 ? (
        <div className="pub-empty" role="status">
          <p>
            {m.noMatch} <strong>“{query}”</strong>.
          </p>
          <p>
            {m.noMatchHelp} {conditionsLink}.
          </p>
        </div>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="pub-results-count">
            {hits.length === 0
              ? m.pastLastPage(n(total), query)
              : m.resultsCount(n(from), n(from + hits.length - 1), n(total), query, total === 1)}
          </h2>
          {readAs.length > 0 && (
            <p className="pub-search-note">
              {m.alsoSearched}{" "}
              {readAs.map(([word, near], i) => (
                <span key={word}>
                  {i > 0 && "; "}
                  {near.map((w) => `“${w}”`).join(", ")} {m.forWord(word)}
                </span>
              ))}
              .
            </p>
          )}
          <ol className="pub-results" start={from}>
            {hits.map((hit) => (
              <li key={hit.articleId} className="pub-result">
                <h3 className="pub-card-title">
                  <Link href={articlePath(hit.slug, locale)} prefetch={false}>
                    <MarkedText segments={hit.title} />
                  </Link>
                </h3>
                {hit.alternativeNames && (
                  <p className="pub-result-aka">
                    {m.alsoKnownAs} <MarkedText segments={hit.alternativeNames} />
                  </p>
                )}
                <p className="pub-card-summary">
                  <MarkedText segments={hit.snippet} />
                </p>
                {hit.lastPublishedAt && (
                  <p className="pub-card-meta">
                    {m.updated} <When iso={hit.lastPublishedAt.toISOString()} locale={locale} />
                  </p>
                )}
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav aria-label={m.resultPages} className="pub-pager">
              {page > 1 ? (
                <Link href={pageHref(page - 1)} prefetch={false} rel="prev">
                  {m.previous}
                </Link>
              ) : (
                <span />
              )}
              <span>{m.pageOf(n(page), n(pages))}</span>
              {page < pages ? (
                <Link href={pageHref(page + 1)} prefetch={false} rel="next">
                  {m.next}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      )}
    </main>
  );
}
