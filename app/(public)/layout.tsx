// Frame of every readers' page: banner with the site name, navigation and the search box (a plain GET form),
// the page's <main>, and a footer with the standing disclaimer and policy links. No data and no client
// JavaScript of its own, so the pages inside can be stored whole and work with scripts off.
import Link from "next/link";
import { SITE_NAME } from "@/lib/public/site";
import { SearchBox } from "./_components/search-box";
import "./public.css";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="pub">
      <header className="pub-banner">
        <div className="pub-wrap pub-banner-inner">
          <Link href="/" className="pub-brand" prefetch={false}>
            {SITE_NAME}
          </Link>
          <nav aria-label="Site" className="pub-nav">
            <ul>
              <li>
                <Link href="/" prefetch={false}>
                  Articles
                </Link>
              </li>
              <li>
                <Link href="/conditions" prefetch={false}>
                  Conditions A–Z
                </Link>
              </li>
              <li>
                <Link href="/editorial-policy" prefetch={false}>
                  Editorial policy
                </Link>
              </li>
            </ul>
          </nav>
          <SearchBox />
        </div>
      </header>
      {children}
      <footer className="pub-footer">
        <div className="pub-wrap">
          <p>
            Our articles do not provide medical advice. They are for general information and do not replace a
            consultation with a qualified health professional. In an emergency, call your local emergency number.
          </p>
          <nav aria-label="Footer">
            <ul>
              <li>
                <Link href="/editorial-policy" prefetch={false}>
                  Editorial policy
                </Link>
              </li>
              <li>
                <a href="/rss.xml">RSS feed</a>
              </li>
              <li>
                <a href="/sitemap.xml">Sitemap</a>
              </li>
              <li>
                <Link href="/signin" prefetch={false}>
                  Staff sign-in
                </Link>
              </li>
            </ul>
          </nav>
          <p className="pub-footer-small">© {SITE_NAME}. Published with Imprimatur.</p>
        </div>
      </footer>
    </div>
  );
}
