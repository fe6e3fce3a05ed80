// /rss.xml: the 50 most recently published or updated articles (RSS 2.0).
import { cachedPublishedArticles } from "../_data/public-data";
import { buildRssXml } from "@/lib/public/feeds";
import { siteUrl } from "@/lib/public/site";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const xml = buildRssXml((await cachedPublishedArticles()).slice(0, 50), siteUrl());
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
