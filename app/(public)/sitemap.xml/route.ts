// /sitemap.xml: home, editorial policy, every published article (lastmod = when its live revision was
// published) and every reviewer profile. Built per request from the cached list, so no query per request and
// nothing at build time.
import { cachedPublishedArticles } from "../_data/public-data";
import { buildSitemapXml } from "@/lib/public/feeds";
import { siteUrl } from "@/lib/public/site";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const xml = buildSitemapXml(await cachedPublishedArticles(), siteUrl());
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
