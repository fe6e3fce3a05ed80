// GET /search?q=…&page=… — readers' site search, rendered on the server (works without JavaScript). Reads the
// index of published articles only (lib/search); every piece of text is rendered as text, matches as <mark>.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { SEARCH_MAX_PAGE, searchArticles } from "@/lib/search/search-articles";
import { articlePath } from "@/lib/public/site";
import { SearchBox } from "../_components/search-box";
import { MarkedText } from "../_components/marked-text";
import { When } from "../_components/when";

type Params = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: Params }): Promise<Metadata> {
  const q = (await searchParams).q;
  const query = (Array.isArray(q) ? q[0] : q)?.trim();
  // Result pages are not for search engines to index; the A–Z list is.
  return { title: query ? `Search: ${query.slice(0, 60)}` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: { searchParams: Params }) {
  const result = await searchArticles(db, await searchParams);
  const { query, total, page, pageSize, hits, corrections } = result;
  const pages = Math.min(SEARCH_MAX_PAGE, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const pageHref = (n: number) => `/search?${new URLSearchParams({ q: query, ...(n > 1 ? { page: String(n) } : {}) })}`;
  const readAs = Object.entries(corrections).filter(([, near]) => near.length > 0);

  return (
    <main id="main" className="pub-main pub-wrap pub-narrow" tabIndex={-1}>
      <h1 className="pub-page-title">Search</h1>
      <SearchBox query={query} id="search-page-box" name="Search again" />
      {!query ? (
        <p className="pub-empty">
          Type a condition, a symptom or a treatment. You can also browse the{" "}
          <Link href="/conditions" prefetch={false}>
            conditions from A to Z
          </Link>
          .
        </p>
      ) : total === 0 ? (
        <div className="pub-empty" role="status">
          <p>
            No published article matches <strong>“{query}”</strong>.
          </p>
          <p>
            Check the spelling, use fewer words, or browse the{" "}
            <Link href="/conditions" prefetch={false}>
              conditions from A to Z
            </Link>
            .
          </p>
        </div>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="pub-results-count">
            {hits.length === 0
              ? `${total} result${total === 1 ? "" : "s"} for “${query}”: this page is past the last one.`
              : `${total === 1 ? "1 result" : `Results ${from}–${from + hits.length - 1} of ${total}`} for “${query}”`}
          </h2>
          {readAs.length > 0 && (
            <p className="pub-search-note">
              Also searched for{" "}
              {readAs.map(([word, near], i) => (
                <span key={word}>
                  {i > 0 && "; "}
                  {near.map((n) => `“${n}”`).join(", ")} (for “{word}”)
                </span>
              ))}
              .
            </p>
          )}
          <ol className="pub-results" start={from}>
            {hits.map((hit) => (
              <li key={hit.articleId} className="pub-result">
                <h3 className="pub-card-title">
                  <Link href={articlePath(hit.slug)} prefetch={false}>
                    <MarkedText segments={hit.title} />
                  </Link>
                </h3>
                {hit.alternativeNames && (
                  <p className="pub-result-aka">
                    Also known as: <MarkedText segments={hit.alternativeNames} />
                  </p>
                )}
                <p className="pub-card-summary">
                  <MarkedText segments={hit.snippet} />
                </p>
                {hit.lastPublishedAt && (
                  <p className="pub-card-meta">
                    Updated <When iso={hit.lastPublishedAt.toISOString()} />
                  </p>
                )}
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav aria-label="Result pages" className="pub-pager">
              {page > 1 ? (
                <Link href={pageHref(page - 1)} prefetch={false} rel="prev">
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              <span>
                Page {page} of {pages}
              </span>
              {page < pages ? (
                <Link href={pageHref(page + 1)} prefetch={false} rel="next">
                  Next →
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
