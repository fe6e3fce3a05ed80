// Home: every published article, newest change first. Rendered per request (a page without params would be
// prerendered at build, and the build must not need the database), from the cached list: no query per view.
// `connection()`, not `dynamic = "force-dynamic"`: force-dynamic also turns off the data cache
// (unstable_cache is skipped under fetchCache "force-no-store"), which would query the database on every view.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/public/site";
import { cachedPublishedArticles } from "./_data/public-data";
import { ArticleList } from "./_components/article-list";

export const metadata: Metadata = {
  title: { absolute: `${SITE_NAME}: medically reviewed health articles` },
  description: SITE_DESCRIPTION,
  alternates: { types: { "application/rss+xml": "/rss.xml" } },
};

export default async function HomePage() {
  await connection();
  const articles = await cachedPublishedArticles();
  return (
    <main id="main" className="pub-main pub-wrap" tabIndex={-1}>
      <section className="pub-hero" aria-labelledby="home-title">
        <h1 id="home-title">Health information you can check</h1>
        <p>
          Every article is written by our writers, checked by a medical reviewer whose credentials we have verified, and
          linked to its sources.{" "}
          <Link href="/editorial-policy" prefetch={false}>
            How we work
          </Link>
          .
        </p>
      </section>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading" className="visually-hidden">
          Articles
        </h2>
        {articles.length ? (
          <ArticleList articles={articles} headingLevel={3} />
        ) : (
          <p className="pub-empty">No articles have been published yet. Please come back soon.</p>
        )}
      </section>
    </main>
  );
}
