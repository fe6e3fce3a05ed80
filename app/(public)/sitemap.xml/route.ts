// /sitemap.xml: per language the home, editorial policy and Conditions A–Z; every published article at its
// language's address (lastmod = when its live revision was
// published) and every reviewer profile. Built per request from the cached list, so no query per request and
// nothing at build time.
import { connection } from "next/server";
import { cachedPublishedArticles } from "../_data/public-data";
import { buildSitemapXml } from "@/lib/public/feeds";
import { siteUrl } from "@/lib/public/site";
import { READER_LOCALES } from "@/lib/i18n/locales";

export async function GET(): Promise<Response> {
  await connection(); // rendered per request (never at build), from the cached list; see app/(public)/page.tsx
  const xml = buildSitemapXml(await cachedPublishedArticles(), siteUrl(), READER_LOCALES);
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
