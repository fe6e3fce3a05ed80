// The public article page in one language, shared by /articles/<slug> (the default language) and
// /<locale>/articles/<slug>. Everything it says comes from recorded data: the live revision (pre-rendered body
// and frozen references), the approval's credential snapshot, the publication dates, the translation group
// (hreflang alternates and the language switcher list live translations only) and the source-changed date
// written at publish time. Its chrome comes from the page language's message catalogue (lib/i18n).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Suspense } from "react";
import { formatLongDate } from "@/lib/i18n/format";
import { DEFAULT_READER_LOCALE, isReaderLocale, localizedPath, type ReaderLocale } from "@/lib/i18n/locales";
import { readerMessages } from "@/lib/i18n/messages";
import { buildArticleJsonLd, serializeJsonLd } from "@/lib/public/json-ld";
import type { PublicArticle } from "@/lib/public/types";
import { pickRelatedAndRecent } from "@/lib/public/related";
import { articlePath, EDITORIAL_POLICY_PATH, reviewerPath, siteUrl } from "@/lib/public/site";
import { localeNativeName } from "@/lib/translations/locales";
import { cachedPublicArticle, cachedPublishedArticles } from "../_data/public-data";
import { ArticleList } from "../_components/article-list";
import { FeedbackSlot } from "../_components/feedback-slot";
import { ArticleNotFoundMessage } from "../_components/not-found-message";
import { ReferenceList } from "../_components/reference-list";
import { UpdateHistorySlot } from "../_components/update-history-slot";
import { When } from "../_components/when";
import { Disclosure } from "../_components/disclosure";

/** The live article at this address in this language, or null (another language's slug is not here). */
async function articleIn(slug: string, locale: ReaderLocale): Promise<PublicArticle | null> {
  const article = await cachedPublicArticle(slug);
  return article && article.locale === locale ? article : null;
}

/** hreflang alternates: every live version of the group, and x-default (the default language's, else the source). */
function alternates(article: PublicArticle): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const t of article.translations) languages[t.locale] = siteUrl() + articlePath(t.slug, t.locale);
  const fallback =
    article.translations.find((t) => t.locale === DEFAULT_READER_LOCALE) ?? article.translations[0] ?? null;
  if (fallback) languages["x-default"] = siteUrl() + articlePath(fallback.slug, fallback.locale);
  return languages;
}

export async function articleMetadata(slug: string, locale: ReaderLocale): Promise<Metadata> {
  const article = await articleIn(slug, locale);
  if (!article) return { title: readerMessages(locale).article.notFoundTitle, robots: { index: false } };
  return {
    title: article.title,
    description: article.summary,
    // The overdue policy "noindex" (lib/publishing/apply-overdue-policy.ts): readers still see the page.
    ...(article.overdueAction === "NOINDEX" ? { robots: { index: false, follow: true } } : {}),
    alternates: {
      canonical: siteUrl() + articlePath(article.slug, article.locale),
      languages: article.translations.length > 1 ? alternates(article) : undefined,
    },
    openGraph: {
      type: "article",
      title: article.title,
      description: article.summary,
      publishedTime: article.firstPublishedAt,
      modifiedTime: article.lastModifiedAt,
      locale: article.locale,
    },
  };
}

// A found article renders with no <Suspense> boundary at all, so its HTML is always complete (nothing is
// streamed behind a fallback that only JavaScript could replace). An unknown slug throws notFound() inside a
// boundary, on purpose: thrown at the top of the page, Next 16 answers 404 with an empty "error shell" that
// only JavaScript can draw (vercel/next.js#62228), a blank page for readers without JS. Inside the boundary
// the status stays 404, the site frame renders, and the fallback (the not-found message) is in the HTML; with
// JS the segment's not-found.tsx takes over. e2e/public.spec.ts checks both with JavaScript off.
// A live article of another language asked for at this language's address is sent to its own (308).
export async function ArticlePageView({ slug, locale }: { slug: string; locale: ReaderLocale }) {
  const found = await cachedPublicArticle(slug);
  if (found && found.locale !== locale && isReaderLocale(found.locale))
    permanentRedirect(articlePath(found.slug, found.locale));
  const article = found && found.locale === locale ? found : null;
  if (!article) {
    return (
      <Suspense fallback={<ArticleNotFoundMessage locale={locale} />}>
        <NotFound />
      </Suspense>
    );
  }
  return <ArticleView article={article} locale={locale} />;
}

async function NotFound(): Promise<never> {
  notFound();
}

async function ArticleView({ article, locale }: { article: PublicArticle; locale: ReaderLocale }) {
  const { related, recent } = pickRelatedAndRecent(article, await cachedPublishedArticles(locale));
  const jsonLd = serializeJsonLd(buildArticleJsonLd(article, siteUrl()));
  const review = article.review;
  const all = readerMessages(locale);
  const m = all.article;
  const otherLanguages = article.translations.filter((t) => t.locale !== article.locale && isReaderLocale(t.locale));
  const sourceLocale = article.sourceUpdated?.sourceLocale;

  return (
    <main id="main" className="pub-main pub-wrap pub-article-layout" tabIndex={-1}>
      <article className="pub-article" aria-labelledby="article-title">
        <nav aria-label={m.breadcrumb} className="pub-breadcrumb">
          <ol>
            <li>
              <Link href={localizedPath(locale, "/")} prefetch={false}>
                {all.nav.articles}
              </Link>
            </li>
            <li aria-current="page">{article.conditionName || article.title}</li>
          </ol>
        </nav>

        {otherLanguages.length ? (
          <nav aria-label={m.languages} className="pub-languages" data-testid="language-switcher">
            <ul>
              {otherLanguages.map((t) => (
                <li key={t.locale}>
                  <a href={articlePath(t.slug, t.locale)} hrefLang={t.locale} lang={t.locale}>
                    {localeNativeName(t.locale)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        {article.sourceUpdated && sourceLocale && isReaderLocale(sourceLocale) ? (
          <div className="pub-source-updated" role="note" data-testid="source-updated">
            <p>
              <strong>
                {m.sourceUpdated(
                  all.languageNames[sourceLocale],
                  formatLongDate(article.sourceUpdated.updatedAt, locale),
                )}
              </strong>{" "}
              {m.sourceUpdatedHelp}
            </p>
          </div>
        ) : null}

        <header className="pub-article-header">
          <h1 id="article-title">{article.title}</h1>
          {article.overdueAction ? (
            <p className="pub-overdue-notice" role="note" data-testid="overdue-notice">
              <strong>{m.overdueStrong}</strong> {m.overdueRest}
            </p>
          ) : null}
          {article.summary ? <p className="pub-summary">{article.summary}</p> : null}

          <div className="pub-byline">
            {article.authors.length ? (
              <p className="pub-byline-authors">
                {m.writtenBy} <span className="pub-strong">{article.authors.map((a) => a.name).join(", ")}</span>
              </p>
            ) : null}
            {review ? (
              <p className="pub-reviewed" data-testid="medically-reviewed">
                <span className="pub-reviewed-mark" aria-hidden="true">
                  ✓
                </span>{" "}
                {m.medicallyReviewedBy}{" "}
                <Link href={reviewerPath(review.reviewerId)} prefetch={false} className="pub-strong">
                  {review.displayName}
                  {review.postNominals ? `, ${review.postNominals}` : ""}
                </Link>{" "}
                {m.on} <When iso={review.reviewedAt} locale={locale} />
                {article.reviewDue ? (
                  <>
                    {" "}
                    <span className="pub-review-due" data-testid="review-due">
                      {m.reviewDue}
                    </span>
                  </>
                ) : null}
              </p>
            ) : null}
            <p className="pub-dates">
              <span data-testid="last-modified">
                {m.lastModifiedOn} <When iso={article.lastModifiedAt} locale={locale} />
              </span>
              <span aria-hidden="true"> · </span>
              <span data-testid="first-published">
                {m.firstPublishedOn} <When iso={article.firstPublishedAt} locale={locale} />
              </span>
            </p>
            <p className="pub-policy-link">
              <Link href={localizedPath(locale, EDITORIAL_POLICY_PATH)} prefetch={false}>
                {m.policyLink}
              </Link>
            </p>
            {/* One short line that opens on demand (no script): the hash and approval id are for checking, not
                for reading, and on a phone they took the first screen. */}
            <details className="pub-verification" data-testid="verification">
              <summary>
                {article.approvalId ? m.verified : m.thisVersion} · {m.details}
              </summary>
              <p className="pub-content-hash">
                {m.contentHash} <code data-testid="content-hash">{article.contentHash}</code>
                {article.approvalId ? (
                  <>
                    {" "}
                    · {m.approval} <code data-testid="approval-id">{article.approvalId}</code>
                  </>
                ) : null}
              </p>
              <p>
                <Link href={`/verify/${article.slug}`} prefetch={false} data-testid="verify-link">
                  {m.verifyLink}
                </Link>
              </p>
            </details>
          </div>
        </header>

        {/* Pre-rendered and sanitised when the revision was frozen (lib/content/render.ts); not per request. */}
        <div className="pub-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

        <ReferenceList references={article.references} locale={locale} />

        <Disclosure disclosure={article.disclosure} />

        <UpdateHistorySlot articleId={article.articleId} slug={article.slug} locale={locale} />

        <aside className="pub-disclaimer" aria-label={m.disclaimerLabel}>
          <p>
            <strong>{m.disclaimerStrong}</strong> {m.disclaimerRest}
          </p>
          <p>
            {m.disclaimerPolicyBefore}{" "}
            <Link href={localizedPath(locale, EDITORIAL_POLICY_PATH)} prefetch={false}>
              {m.disclaimerPolicyLink}
            </Link>
            .
          </p>
        </aside>

        <FeedbackSlot
          articleId={article.articleId}
          revisionId={article.revisionId}
          articleSlug={article.slug}
          locale={locale}
        />
      </article>

      {related.length || recent.length ? (
        <aside className="pub-more" aria-label={m.moreArticles}>
          {related.length ? (
            <section aria-labelledby="related-heading">
              <h2 id="related-heading">{m.related}</h2>
              <ArticleList articles={related} headingLevel={3} locale={locale} />
            </section>
          ) : null}
          {recent.length ? (
            <section aria-labelledby="recent-heading">
              <h2 id="recent-heading">{m.recent}</h2>
              <ArticleList articles={recent} headingLevel={3} locale={locale} />
            </section>
          ) : null}
        </aside>
      ) : null}

      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
    </main>
  );
}
