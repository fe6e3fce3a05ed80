// /rss.xml: the 50 most recently published or updated articles (RSS 2.0).
import { connection } from "next/server";
import { cachedPublishedArticles } from "../_data/public-data";
import { buildRssXml } from "@/lib/public/feeds";
import { siteUrl } from "@/lib/public/site";

export async function GET(): Promise<Response> {
  await connection(); // rendered per request (never at build), from the cached list; see app/(public)/page.tsx
  const xml = buildRssXml((await cachedPublishedArticles()).slice(0, 50), siteUrl());
  return new Response(xml, {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
