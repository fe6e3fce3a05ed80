// The RSS feed of one language's articles: /rss.xml (default language), /es/rss.xml.
import { connection } from "next/server";
import { cachedPublishedArticles } from "../_data/public-data";
import { buildRssXml } from "@/lib/public/feeds";
import { siteUrl } from "@/lib/public/site";
import type { ReaderLocale } from "@/lib/i18n/locales";

export async function rssResponse(locale: ReaderLocale): Promise<Response> {
  await connection(); // rendered per request (never at build), from the cached list; see app/(public)/page.tsx
  const xml = buildRssXml((await cachedPublishedArticles(locale)).slice(0, 50), siteUrl(), locale);
  return new Response(xml, {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
