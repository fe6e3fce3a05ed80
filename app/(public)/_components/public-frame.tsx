// Frame of every readers' page in one language: banner with the site name, navigation and the search box (a
// plain GET form), the page's <main>, and a footer with the standing disclaimer and policy links. No data and no
// client JavaScript of its own, so the pages inside can be stored whole and work with scripts off. The frame
// carries `lang`, so its text and the page's are marked with their language even where the document's <html
// lang> is not yet set (server.ts sets it for the readers' pages of each language: lib/page-cache).
import Link from "next/link";
import { localizedPath, type ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";
import { SITE_NAME } from "@/lib/public/site";
import { SearchBox } from "./search-box";

export function PublicFrame({ locale, children }: { locale: ReaderLocale; children: React.ReactNode }) {
  const m = readerMessages(locale);
  const path = (p: string) => localizedPath(locale, p);
  return (
    <div className="pub" lang={locale}>
      <header className="pub-banner">
        <div className="pub-wrap pub-banner-inner">
          <Link href={path("/")} className="pub-brand" prefetch={false}>
            {SITE_NAME}
          </Link>
          <nav aria-label={m.nav.siteLabel} className="pub-nav">
            <ul>
              <li>
                <Link href={path("/")} prefetch={false}>
                  {m.nav.articles}
                </Link>
              </li>
              <li>
                <Link href={path("/conditions")} prefetch={false}>
                  {m.nav.conditions}
                </Link>
              </li>
              <li>
                <Link href={path("/editorial-policy")} prefetch={false}>
                  {m.nav.editorialPolicy}
                </Link>
              </li>
            </ul>
          </nav>
          <SearchBox locale={locale} />
        </div>
      </header>
      {children}
      <footer className="pub-footer">
        <div className="pub-wrap">
          <p>{m.footerDisclaimer}</p>
          <nav aria-label={m.nav.footerLabel}>
            <ul>
              <li>
                <Link href={path("/editorial-policy")} prefetch={false}>
                  {m.nav.editorialPolicy}
                </Link>
              </li>
              <li>
                <a href={path("/rss.xml")}>{m.nav.rss}</a>
              </li>
              <li>
                <a href="/sitemap.xml">{m.nav.sitemap}</a>
              </li>
              <li>
                <Link href="/signin" prefetch={false}>
                  {m.nav.staffSignIn}
                </Link>
              </li>
            </ul>
          </nav>
          <p className="pub-footer-small">
            © {SITE_NAME}. {m.nav.publishedWith}
          </p>
        </div>
      </footer>
    </div>
  );
}
