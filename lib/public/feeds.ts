// sitemap.xml and rss.xml from the list of published articles. Every value is XML-escaped; dates come from the
// publication records (lastmod / pubDate = when the live revision was published).
import { escapeXml } from "../content/escape-xml";
import { isoDay } from "./format-date";
import { articlePath, EDITORIAL_POLICY_PATH, reviewerPath, SITE_DESCRIPTION, SITE_NAME } from "./site";
import type { PublicArticleSummary } from "./types";
import { DEFAULT_READER_LOCALE, localizedPath, toReaderLocale, type ReaderLocale } from "../i18n/locales";

/**
 * Every readers' page: per language (the default's unprefixed, `locales` others under /<code>/) the home,
 * editorial policy and A–Z pages, then every live article of those languages at its own language's address,
 * then reviewers. A language the site has not enabled is left out, its articles too.
 */
export function buildSitemapXml(
  articles: PublicArticleSummary[],
  origin: string,
  locales: readonly ReaderLocale[] = [DEFAULT_READER_LOCALE],
): string {
  const entries: { loc: string; lastmod?: string }[] = [];
  for (const locale of locales) {
    const newest = articles.find((a) => toReaderLocale(a.locale) === locale);
    const lastmod = newest ? isoDay(newest.lastModifiedAt) : undefined;
    entries.push(
      { loc: origin + (locale === DEFAULT_READER_LOCALE ? "/" : localizedPath(locale, "/")), lastmod },
      { loc: origin + localizedPath(locale, EDITORIAL_POLICY_PATH) },
      { loc: origin + localizedPath(locale, "/conditions"), lastmod },
    );
  }
  const reviewers = new Map<string, string>(); // id → newest lastmod among their articles
  for (const a of articles) {
    if (!locales.includes(toReaderLocale(a.locale))) continue;
    entries.push({ loc: origin + articlePath(a.slug, a.locale), lastmod: isoDay(a.lastModifiedAt) });
    if (a.reviewerId && !reviewers.has(a.reviewerId)) reviewers.set(a.reviewerId, isoDay(a.lastModifiedAt));
  }
  for (const [id, lastmod] of reviewers) entries.push({ loc: origin + reviewerPath(id), lastmod });
  const urls = entries
    .map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** The feed of one language's articles (the caller passes that language's list). */
export function buildRssXml(
  articles: PublicArticleSummary[],
  origin: string,
  locale: ReaderLocale = DEFAULT_READER_LOCALE,
): string {
  const items = articles
    .map((a) => {
      const link = origin + articlePath(a.slug, a.locale);
      return [
        "    <item>",
        `      <title>${escapeXml(a.title)}</title>`,
        `      <link>${escapeXml(link)}</link>`,
        // A new guid per published version, so readers' feed apps show updates as new items.
        `      <guid isPermaLink="false">${escapeXml(`${link}#${a.lastModifiedAt}`)}</guid>`,
        `      <pubDate>${new Date(a.lastModifiedAt).toUTCString()}</pubDate>`,
        `      <description>${escapeXml(a.summary)}</description>`,
        "    </item>",
      ].join("\n");
    })
    .join("\n");
  const lastBuild = articles[0]
    ? `\n    <lastBuildDate>${new Date(articles[0].lastModifiedAt).toUTCString()}</lastBuildDate>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(SITE_NAME)}</title>
    <link>${escapeXml(origin + (locale === DEFAULT_READER_LOCALE ? "/" : localizedPath(locale, "/")))}</link>
    <description>${escapeXml(SITE_DESCRIPTION)}</description>
    <language>${locale}</language>
    <atom:link href="${escapeXml(origin + localizedPath(locale, "/rss.xml"))}" rel="self" type="application/rss+xml"/>${lastBuild}
${items}
  </channel>
</rss>
`;
}
