// Home in one language: every published article of that language, newest change first, from the cached list.
import type { Metadata } from "next";
import Link from "next/link";
import { localizedPath, type ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";
import { SITE_DESCRIPTION } from "@/lib/public/site";
import { cachedPublishedArticles } from "../_data/public-data";
import { ArticleList } from "../_components/article-list";

export function homeMetadata(locale: ReaderLocale): Metadata {
  return {
    title: { absolute: readerMessages(locale).home.metaTitle },
    description: SITE_DESCRIPTION,
    alternates: { types: { "application/rss+xml": localizedPath(locale, "/rss.xml") } },
  };
}

export async function HomeView({ locale }: { locale: ReaderLocale }) {
  const articles = await cachedPublishedArticles(locale);
  const m = readerMessages(locale).home;
  return (
    <main id="main" className="pub-main pub-wrap" tabIndex={-1}>
      <section className="pub-hero" aria-labelledby="home-title">
        <h1 id="home-title">{m.heading}</h1>
        <p>
          {m.intro}{" "}
          <Link href={localizedPath(locale, "/editorial-policy")} prefetch={false}>
            {m.howWeWork}
          </Link>
          .
        </p>
      </section>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading" className="visually-hidden">
          {m.articles}
        </h2>
        {articles.length ? (
          <ArticleList articles={articles} headingLevel={3} locale={locale} />
        ) : (
          <p className="pub-empty">{m.empty}</p>
        )}
      </section>
    </main>
  );
}
