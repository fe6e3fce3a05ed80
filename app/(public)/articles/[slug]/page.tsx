// The public article page. Everything it says comes from recorded data: the live revision (pre-rendered body
// and frozen references), the approval's credential snapshot, the publication dates.
//
// Rendering: stored whole after the first visit (ISR: no slug is prerendered at build, so the build needs no
// database; `generateStaticParams` returning [] lets every slug be rendered on its first request and kept).
// Publishing expires it through the tags of its data (lib/public/cache-tags.ts) in the process that published.
// Anonymous readers are answered by the page cache of server.ts (lib/page-cache), which asks Next for a fresh
// render (on-demand revalidation) whenever the public change counter has moved, so every process serves the
// new page after a publish, wherever it was made. An unknown slug answers 404 (rendered whole, see below).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { buildArticleJsonLd, serializeJsonLd } from "@/lib/public/json-ld";
import type { PublicArticle } from "@/lib/public/types";
import { pickRelatedAndRecent } from "@/lib/public/related";
import { articlePath, EDITORIAL_POLICY_PATH, reviewerPath, siteUrl } from "@/lib/public/site";
import { cachedPublicArticle, cachedPublishedArticles } from "../../_data/public-data";
import { ArticleList } from "../../_components/article-list";
import { FeedbackSlot } from "../../_components/feedback-slot";
import { ArticleNotFoundMessage } from "../../_components/not-found-message";
import { ReferenceList } from "../../_components/reference-list";
import { UpdateHistorySlot } from "../../_components/update-history-slot";
import { When } from "../../_components/when";

// Must be a literal for Next to read it; keep equal to PUBLIC_REVALIDATE_SECONDS.
export const revalidate = 3600;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = await cachedPublicArticle(slug);
  if (!article) return { title: "Article not found", robots: { index: false } };
  return {
    title: article.title,
    description: article.summary,
    // The overdue policy "noindex" (lib/publishing/apply-overdue-policy.ts): readers still see the page.
    ...(article.overdueAction === "NOINDEX" ? { robots: { index: false, follow: true } } : {}),
    alternates: { canonical: siteUrl() + articlePath(article.slug) },
    openGraph: {
      type: "article",
      title: article.title,
      description: article.summary,
      publishedTime: article.firstPublishedAt,
      modifiedTime: article.lastModifiedAt,
    },
  };
}

// A found article renders with no <Suspense> boundary at all, so its HTML is always complete (nothing is
// streamed behind a fallback that only JavaScript could replace). An unknown slug throws notFound() inside a
// boundary, on purpose: thrown at the top of the page, Next 16 answers 404 with an empty "error shell" that
// only JavaScript can draw (vercel/next.js#62228), a blank page for readers without JS. Inside the boundary
// the status stays 404, the site frame renders, and the fallback (the not-found message) is in the HTML; with
// JS the segment's not-found.tsx takes over. e2e/public.spec.ts checks both with JavaScript off.
export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await cachedPublicArticle(slug);
  if (!article) {
    return (
      <Suspense fallback={<ArticleNotFoundMessage />}>
        <NotFound />
      </Suspense>
    );
  }
  return <ArticleView article={article} />;
}

async function NotFound(): Promise<never> {
  notFound();
}

async function ArticleView({ article }: { article: PublicArticle }) {
  const { related, recent } = pickRelatedAndRecent(article, await cachedPublishedArticles());
  const jsonLd = serializeJsonLd(buildArticleJsonLd(article, siteUrl()));
  const review = article.review;

  return (
    <main id="main" className="pub-main pub-wrap pub-article-layout" tabIndex={-1}>
      <article className="pub-article" aria-labelledby="article-title">
        <nav aria-label="Breadcrumb" className="pub-breadcrumb">
          <ol>
            <li>
              <Link href="/" prefetch={false}>
                Articles
              </Link>
            </li>
            <li aria-current="page">{article.conditionName || article.title}</li>
          </ol>
        </nav>

        <header className="pub-article-header">
          <h1 id="article-title">{article.title}</h1>
          {article.overdueAction ? (
            <p className="pub-overdue-notice" role="note" data-testid="overdue-notice">
              <strong>This page is due for review.</strong> Its planned medical review date has passed; it may not
              reflect the latest evidence while we check it.
            </p>
          ) : null}
          {article.summary ? <p className="pub-summary">{article.summary}</p> : null}

          <div className="pub-byline">
            {article.authors.length ? (
              <p className="pub-byline-authors">
                Written by <span className="pub-strong">{article.authors.map((a) => a.name).join(", ")}</span>
              </p>
            ) : null}
            {review ? (
              <p className="pub-reviewed" data-testid="medically-reviewed">
                <span className="pub-reviewed-mark" aria-hidden="true">
                  ✓
                </span>{" "}
                Medically reviewed by{" "}
                <Link href={reviewerPath(review.reviewerId)} prefetch={false} className="pub-strong">
                  {review.displayName}
                  {review.postNominals ? `, ${review.postNominals}` : ""}
                </Link>{" "}
                on <When iso={review.reviewedAt} />
                {article.reviewDue ? (
                  <>
                    {" "}
                    <span className="pub-review-due" data-testid="review-due">
                      (review due: a new medical review is pending)
                    </span>
                  </>
                ) : null}
              </p>
            ) : null}
            <p className="pub-dates">
              <span data-testid="last-modified">
                Last modified on <When iso={article.lastModifiedAt} />
              </span>
              <span aria-hidden="true"> · </span>
              <span data-testid="first-published">
                First published on <When iso={article.firstPublishedAt} />
              </span>
            </p>
            <p className="pub-policy-link">
              <Link href={EDITORIAL_POLICY_PATH} prefetch={false}>
                How we write, review and update articles
              </Link>
            </p>
            {/* One short line that opens on demand (no script): the hash and approval id are for checking, not
                for reading, and on a phone they took the first screen. */}
            <details className="pub-verification" data-testid="verification">
              <summary>{article.approvalId ? "Verified" : "This version"} · details</summary>
              <p className="pub-content-hash">
                Content SHA-256 <code data-testid="content-hash">{article.contentHash}</code>
                {article.approvalId ? (
                  <>
                    {" "}
                    · approval <code data-testid="approval-id">{article.approvalId}</code>
                  </>
                ) : null}
              </p>
              <p>
                <Link href={`/verify/${article.slug}`} prefetch={false} data-testid="verify-link">
                  Verify this version
                </Link>
              </p>
            </details>
          </div>
        </header>

        {/* Pre-rendered and sanitised when the revision was frozen (lib/content/render.ts); not per request. */}
        <div className="pub-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

        <ReferenceList references={article.references} />

        <UpdateHistorySlot articleId={article.articleId} slug={article.slug} />

        <aside className="pub-disclaimer" aria-label="Medical disclaimer">
          <p>
            <strong>This article does not provide medical advice.</strong> It is for general information only and does
            not replace a consultation with a doctor or another qualified health professional, who can take your own
            situation into account. If you think you may have a medical emergency, call your local emergency number at
            once.
          </p>
          <p>
            Learn how our articles are written, medically reviewed and kept up to date in our{" "}
            <Link href={EDITORIAL_POLICY_PATH} prefetch={false}>
              editorial policy
            </Link>
            .
          </p>
        </aside>

        <FeedbackSlot articleId={article.articleId} revisionId={article.revisionId} articleSlug={article.slug} />
      </article>

      {related.length || recent.length ? (
        <aside className="pub-more" aria-label="More articles">
          {related.length ? (
            <section aria-labelledby="related-heading">
              <h2 id="related-heading">Related articles</h2>
              <ArticleList articles={related} headingLevel={3} />
            </section>
          ) : null}
          {recent.length ? (
            <section aria-labelledby="recent-heading">
              <h2 id="recent-heading">Recent articles</h2>
              <ArticleList articles={recent} headingLevel={3} />
            </section>
          ) : null}
        </aside>
      ) : null}

      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
    </main>
  );
}
