// /sitemap.xml: per language the site has enabled (Admin → Settings → Languages) the home, editorial policy and
// Conditions A–Z; every published article in those languages at its language's address (lastmod = when its
// live revision was published) and every reviewer profile. Built per request from the cached list and setting,
// so no query per request and nothing at build time.
import { connection } from "next/server";
import { cachedPublishedArticles, cachedSiteLocales } from "../_data/public-data";
import { buildSitemapXml } from "@/lib/public/feeds";
import { siteUrl } from "@/lib/public/site";
import { READER_LOCALES } from "@/lib/i18n/locales";

export async function GET(): Promise<Response> {
  await connection(); // rendered per request (never at build), from the cached list; see app/(public)/page.tsx
  const [articles, { enabled }] = await Promise.all([cachedPublishedArticles(), cachedSiteLocales()]);
  const locales = READER_LOCALES.filter((l) => enabled.includes(l));
  const xml = buildSitemapXml(articles, siteUrl(), locales);
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
